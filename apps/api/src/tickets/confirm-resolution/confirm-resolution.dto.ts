export class ConfirmResolutionDto {}
