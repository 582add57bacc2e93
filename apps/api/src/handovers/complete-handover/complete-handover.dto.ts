export class CompleteHandoverDto {}
