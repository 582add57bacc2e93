export class SupportTicketDto {}
