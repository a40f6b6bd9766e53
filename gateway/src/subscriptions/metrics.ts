import { metrics } from '@ngo-hub/kit/common';
import { Counter, Gauge, Histogram } from 'prom-client';

export const activeSubscriptions = new Gauge({
  name: 'ngohub_subscriptions_active',
  help: 'Subscriptions currently open on this gateway instance, by root field.',
  labelNames: ['field'],
  registers: [metrics],
});

export const eventsRelayed = new Counter({
  name: 'ngohub_events_relayed_total',
  help: 'Outbox events this instance copied into the hub event log, by source subgraph.',
  labelNames: ['source'],
  registers: [metrics],
});

export const relayLag = new Histogram({
  name: 'ngohub_event_relay_lag_seconds',
  help: "From an outbox event's commit to its relay into the hub event log (outbox lag).",
  labelNames: ['source'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metrics],
});

export const eventsDelivered = new Counter({
  name: 'ngohub_events_delivered_total',
  help: 'Events sent to subscribers, by root field.',
  labelNames: ['field'],
  registers: [metrics],
});

export const payloadResolutions = new Counter({
  name: 'ngohub_event_payload_resolutions_total',
  help: 'Federated fetches of event payloads (one per event and distinct selection, shared by its subscribers).',
  registers: [metrics],
});

export const slowSubscribers = new Counter({
  name: 'ngohub_subscribers_overflowed_total',
  help: 'Subscriptions ended because their client took nothing of what was sent to it for SUBSCRIBER_STALL_MS.',
  registers: [metrics],
});

export const relayLeader = new Gauge({
  name: 'ngohub_event_relay_leader',
  help: "1 while this instance relays the subgraphs' outboxes into the hub event log (one instance at a time).",
  registers: [metrics],
});

export const streamListeners = new Gauge({
  name: 'ngohub_event_stream_listeners',
  help: "Subscriptions attached to this instance's tail of the hub event log (equals the open subscriptions unless one leaked).",
  registers: [metrics],
});

export const eventsSpilled = new Counter({
  name: 'ngohub_subscriber_spills_total',
  help: 'Times a subscriber had more than SUBSCRIBER_BUFFER live events waiting and went on reading them from the hub event log.',
  registers: [metrics],
});
