import { ApiProperty } from '@nestjs/swagger';
import { LimitStateResponse } from '../../shared/limit-state.response';
import { RecordUsageAnswer } from './record-usage.handler';

type UsageCountedData = RecordUsageAnswer['data'];

/** A counted usage report: the key and its limit state after the cost. */
export class UsageCountedResponse implements UsageCountedData {
  @ApiProperty({ type: String })
  readonly key_id!: string;

  @ApiProperty({ type: LimitStateResponse })
  readonly limit!: LimitStateResponse;
}

/** `{ data: { key_id, limit } }`. */
export class RecordUsageAnswerResponse implements RecordUsageAnswer {
  @ApiProperty({ type: UsageCountedResponse })
  readonly data!: UsageCountedResponse;
}
