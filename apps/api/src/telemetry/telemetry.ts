import { NodeSDK } from '@opentelemetry/sdk-node';
import { SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';

export type Telemetry = Readonly<{ shutdown: () => Promise<void> }>;

let active = false;

/** True once startTelemetry started the SDK: the service then wraps the store and the engine in spans. */
export const tracing = (): boolean => active;

/**
 * Traces only, with spans made by hand (spans.ts): no auto-instrumentation patches modules, and no
 * metrics or logs exporter starts (the SDK would start both from the environment's defaults).
 * With OTEL_EXPORTER_OTLP_ENDPOINT the SDK builds its OTLP exporter from the standard OTEL_*
 * variables (protocol, headers, OTEL_SERVICE_NAME …); `exporter` is for tests (an
 * InMemorySpanExporter). Neither: nothing starts, the API stays a no-op, and no event's metadata
 * carries a traceparent.
 */
export function startTelemetry(options: { otlpEndpoint: string | null; exporter?: SpanExporter }): Telemetry | null {
  if (!options.exporter && !options.otlpEndpoint) return null;
  const sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME || 'jinlin',
    ...(options.exporter ? { spanProcessors: [new SimpleSpanProcessor(options.exporter)] } : {}),
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [],
  });
  sdk.start();
  active = true;
  return {
    shutdown: async () => {
      active = false;
      await sdk.shutdown();
    },
  };
}
