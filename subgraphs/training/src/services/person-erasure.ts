import type { EntityManager } from '@mikro-orm/postgresql';
import type { ErasureOptions } from '@ngo-hub/kit';
import { Certificate } from '../entities/certificate';
import { LessonCompletion } from '../entities/lesson-completion';
import { Mentorship } from '../entities/mentorship';

/**
 * Training's part of deleting an account. Enrollments stay (a course's numbers and the
 * organizations' records), holding only the person's id, whose profile is now a nameless
 * tombstone; lesson progress and mentorships go. Certificates lose the printed name but keep
 * verifying when the person chose so, else they are deleted. Idempotent.
 */
export async function erasePersonInTraining(em: EntityManager, personId: string, options: ErasureOptions): Promise<number> {
  let touched = 0;
  touched += await em.nativeDelete(LessonCompletion, { enrollment: { personId } });
  touched += await em.nativeDelete(Mentorship, { $or: [{ mentorId: personId }, { menteeId: personId }] });
  touched += options.keepCertificatesVerifiable
    ? await em.nativeUpdate(
        Certificate,
        { personId, $or: [{ holderName: { $ne: null } }, { holderNameZh: { $ne: null } }] },
        { holderName: null, holderNameZh: null },
      )
    : await em.nativeDelete(Certificate, { personId });
  return touched;
}
