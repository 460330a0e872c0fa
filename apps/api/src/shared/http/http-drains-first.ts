import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/**
 * Nest closes the HTTP server after every module's destroy hook, so the resolution engine would
 * flush its usage while requests were still being answered, and a report acknowledged during the
 * drain was lost. Provided by the root module, whose destroy hook Nest calls first, this one
 * drains HTTP before anything else stops (Nest's own close of the server later is a no-op).
 */
@Injectable()
export class HttpDrainsFirst implements OnModuleDestroy {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleDestroy(): Promise<void> {
    await this.adapterHost.httpAdapter.close();
  }
}
