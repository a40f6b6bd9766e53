import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { Certificate } from '../entities/certificate';

@ObjectType({ description: 'A page of certificates, in the order they were issued.' })
export class CertificateConnection extends Connection(() => Certificate, 'Certificate') {}
