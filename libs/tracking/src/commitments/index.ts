export {
  COMMITMENT_KINDS,
  CommitmentEntity,
  type CommitmentKind,
  LINEAGE_RELATIONS,
  type LineageRelation,
} from './commitment.entity';
export { type CommitmentBody, CommitmentResponse } from './commitment.response';
export { CommitmentErrors } from './commitments.errors';
export { CommitmentsModule } from './commitments.module';
export { CommitmentsService } from './commitments.service';
export { ATTRIBUTES_OF_KIND, validateAttributes } from './dto/commitment-attributes';
export { KAMERSTUK_PATTERN, MAX_PARTIES, MAX_REFERENCES } from './dto/commitment-fields';
export { CommitmentIdParams } from './dto/commitment-id.params';
export { CreateCommitmentDto } from './dto/create-commitment.dto';
export { ListCommitmentsQuery } from './dto/list-commitments.query';
export { UpdateCommitmentDto } from './dto/update-commitment.dto';
