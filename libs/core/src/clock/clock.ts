import { Injectable } from '@nestjs/common';

/** The source of "now", injected so that date rules can be tested at any moment. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
