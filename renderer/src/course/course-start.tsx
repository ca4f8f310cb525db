import { Alert, Text, Textarea } from '@mantine/core';
import { useEffect } from 'react';
import { doseOrderWords, type Course, type DoseOrder } from '../../../shared/course';
import type { PreDoseConcern, Route } from '../../../shared/session';
import { useLoad } from '../api/useLoad';
import { spelledDate } from '../../../shared/dates';

/** The patient's course in induction or maintenance for the route, as the start form needs it. */
export function useActiveCourse(patientId: string, route: Route): Course | null | undefined {
  const courses = useLoad('courses.listForPatient', { patientId }, `courses:${patientId}`);
  if (courses.loaded.state !== 'ready') return undefined;
  return courses.loaded.data.find((c) => c.route === route && (c.phase === 'induction' || c.phase === 'maintenance')) ?? null;
}

/** The plan's warnings for today, as the concerns the store adds: only a prescriber may proceed past them. */
export const courseConcerns = (course: Course | null | undefined): PreDoseConcern[] =>
  (course?.status.warnings ?? []).map((w) => ({ code: `course-${w.code}`, message: w.message, source: w.source, needs: 'prescriber-reason' }));

interface Props {
  course: Course | null | undefined;
  /** The dose as typed, in the order's terms; null while incomplete. */
  given: DoseOrder | null;
  /** Fills the dose fields from the order once, when they are still blank. */
  onOrder: (dose: DoseOrder) => void;
  doseChangeReason: string;
  onDoseChangeReason: (text: string) => void;
  isPrescriber: boolean;
  error: string | undefined;
}

/** Where the session falls in the course, the prescriber's dose order, and a different dose's reason. */
export function CourseStartPanel({ course, given, onOrder, doseChangeReason, onDoseChangeReason, isPrescriber, error }: Props) {
  const dose = course?.dose ?? null;
  useEffect(() => {
    if (dose) onOrder(dose);
    // Once per course order: the clinician's own edits after that stay.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [course?.id, course?.orderedAt]);
  if (!course || !dose) return null;
  const differs = given !== null && doseOrderWords(given) !== doseOrderWords(dose);
  return (
    <div data-testid="course-position">
      <Text size="sm" fw={700}>
        {course.status.nextSessionLabel}
      </Text>
      <Text size="xs" c="dimmed">
        Ordered: {doseOrderWords(dose)}{course.orderedByName ? ` by ${course.orderedByName}` : ''}
        {course.status.nextDue ? ` · next due ${spelledDate(course.status.nextDue)}` : ''}
      </Text>
      {differs && (
        isPrescriber ? (
          <Textarea
            mt={6}
            label="Reason for a dose other than the order (you sign it)"
            autosize
            minRows={1}
            value={doseChangeReason}
            onChange={(e) => onDoseChangeReason(e.currentTarget.value)}
            error={error}
            data-testid="dose-change-reason"
          />
        ) : (
          <Alert mt={6} color="orange" variant="light" p="xs" data-testid="dose-change-needs-prescriber" data-problem tabIndex={-1}>
            The course orders {doseOrderWords(dose)}. A different dose needs a prescriber’s signature: start with the ordered dose, or ask a prescriber.
          </Alert>
        )
      )}
    </div>
  );
}
