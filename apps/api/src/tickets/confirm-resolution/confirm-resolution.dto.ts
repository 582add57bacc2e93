export class ConfirmResolutionDto {

}
