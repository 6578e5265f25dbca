import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads } from '@app/core';
import { ChangeNotices } from '@app/reminders';
import { JobHandler } from '../jobs/job-handler';

/** A partner's position tells the action's owners; a mention tells whom it mentions. */
@Injectable()
export class CommentPostedProcessor implements JobHandler<JobName.CommentPosted> {
  readonly jobName = JobName.CommentPosted;

  constructor(private readonly changes: ChangeNotices) {}

  process(data: JobPayloads[JobName.CommentPosted]): Promise<void> {
    return this.changes.commentPosted(data);
  }
}
