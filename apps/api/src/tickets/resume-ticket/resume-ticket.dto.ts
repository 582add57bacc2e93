export class ResumeTicketDto {}
