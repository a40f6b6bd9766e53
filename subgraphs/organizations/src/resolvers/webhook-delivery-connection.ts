import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { WebhookDelivery } from '../entities/webhook-delivery';

@ObjectType({ description: "A page of a webhook's deliveries, newest first." })
export class WebhookDeliveryConnection extends Connection(() => WebhookDelivery, 'WebhookDelivery') {}
