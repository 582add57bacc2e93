import { TicketIdPipe } from '../../tickets/ticket-id.pipe';
import { defectTicketId, uuidV5 } from './defect-ticket-id';

it('when given the RFC’s DNS namespace and www.example.com, it gives the well-known UUID v5', () =>
  expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2'));

it('when a defect is named again, it names the same ticket; another defect or handover names another', () => {
  expect(defectTicketId('qianpu-h1', 1)).toBe(defectTicketId('qianpu-h1', 1));
  expect(new Set([defectTicketId('qianpu-h1', 1), defectTicketId('qianpu-h1', 2), defectTicketId('qianpu-h2', 1)]).size).toBe(3);
});

it('when the id reaches the ticket routes, it is a ticket id they accept', () =>
  expect(new TicketIdPipe().transform(defectTicketId('qianpu-h1', 1))).toBe(defectTicketId('qianpu-h1', 1)));
