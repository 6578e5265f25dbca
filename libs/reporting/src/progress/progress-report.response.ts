import { ApiProperty } from '@nestjs/swagger';
import { ReportActionResponse } from './report-action.response';
import { ReportSummaryDocument } from './report-summary.response';

/*
 * The OpenAPI schema of a progress report in JSON (the model is progress-report.model.ts;
 * these classes only document it): the summary document (report-summary.response.ts) with
 * the rows of its actions (report-action.response.ts).
 */

export class ProgressReportDocument extends ReportSummaryDocument {
  @ApiProperty({
    type: [ReportActionResponse],
    description: "In the programme's track order, then by deadline, title and id.",
  })
  actions!: ReportActionResponse[];
}
