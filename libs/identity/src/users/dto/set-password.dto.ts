import { NewPassword } from './password';

/** A password set by an administrator (an initial one, or a reset). */
export class SetPasswordDto {
  @NewPassword('The new password.')
  password!: string;
}
