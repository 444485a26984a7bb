import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRICS_NAMESPACE } from '../shared/metrics';
import type { ComplianceRunSummary } from '../app/compliance/scheduled-run';

/** EMF metrics of a compliance run: the week's compliance rate (%) and counts, by district. */
export function publishComplianceMetrics(summary: ComplianceRunSummary): void {
  const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'community-city-services-compliance' });
  metrics.addDimension('district', summary.districtId);
  metrics.addMetric('StationsEvaluated', MetricUnit.Count, summary.stations);
  metrics.addMetric('StationsCompliant', MetricUnit.Count, summary.compliant);
  if (summary.stations > 0) metrics.addMetric('ComplianceRate', MetricUnit.Percent, (100 * summary.compliant) / summary.stations);
  metrics.publishStoredMetrics();
}
