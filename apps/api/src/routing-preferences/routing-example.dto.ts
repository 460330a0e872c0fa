import { ROUTING_LIMITS, RoutingExample } from '@keyledger/domain';
import { TextField } from './routing-fields';

/** One example prompt and the mode it should route to. */
export class RoutingExampleDto implements RoutingExample {
  @TextField(1, ROUTING_LIMITS.prompt, { example: 'select * from users' })
  readonly prompt!: string;

  @TextField(1, ROUTING_LIMITS.mode, { example: 'code' })
  readonly expected_mode!: string;
}
