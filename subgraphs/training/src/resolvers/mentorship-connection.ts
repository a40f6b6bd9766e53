import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { Mentorship } from '../entities/mentorship';

@ObjectType({ description: 'A page of mentorships, in the order they were recorded.' })
export class MentorshipConnection extends Connection(() => Mentorship, 'Mentorship') {}
