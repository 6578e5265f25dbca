import { EventEmitter } from 'node:events';
import { installProcessGuards } from './process-guards';

describe('installProcessGuards', () => {
  function guarded() {
    const target = new EventEmitter();
    const logger = { error: jest.fn(), fatal: jest.fn() };
    const exit = jest.fn();
    installProcessGuards(logger, target, exit);
    return { target, logger, exit };
  }

  it('logs a promise rejection nobody handled, and carries on', () => {
    const { target, logger, exit } = guarded();
    target.emit('unhandledRejection', new Error('Connection terminated unexpectedly'));
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({
        event: 'unhandled_rejection',
        error: expect.objectContaining({ message: 'Connection terminated unexpectedly' }),
      }),
      expect.any(String),
    );
    expect(exit).not.toHaveBeenCalled();
  });

  it('logs an exception that escaped, and exits so that the process is replaced', () => {
    const { target, logger, exit } = guarded();
    target.emit('uncaughtException', new TypeError('x is undefined'));
    expect(logger.fatal).toHaveBeenCalledWith(
      expect.objectContaining({ event: 'uncaught_exception' }),
      expect.any(String),
    );
    expect(exit).toHaveBeenCalledWith(1);
  });
});
