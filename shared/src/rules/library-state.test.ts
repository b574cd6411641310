import { describe, expect, it } from '@jest/globals';
import {
  ACHIEVEMENT_TRANSITIONS,
  achievementTransition,
  contactsVisible,
  interestDecisions,
  interestTransition,
  isAchievementEditable,
} from './library-state';
import { institutionCodeProblem } from './credit-code';

describe('achievement state machine', () => {
  it('lets the owner submit drafts and returned ones, and only the authority publish or return', () => {
    expect(achievementTransition('submit', 'draft', 'owner')?.to).toBe('submitted');
    expect(achievementTransition('submit', 'returned', 'owner')?.to).toBe('submitted');
    expect(achievementTransition('submit', 'submitted', 'owner')).toBeNull();
    expect(achievementTransition('publish', 'submitted', 'authority')?.to).toBe('published');
    expect(achievementTransition('publish', 'submitted', 'owner')).toBeNull();
    expect(achievementTransition('return', 'submitted', 'authority')?.to).toBe('returned');
    expect(achievementTransition('publish', 'published', 'authority')).toBeNull();
    expect(achievementTransition('return', 'draft', 'authority')).toBeNull();
  });
  it('never leaves published', () => {
    expect(ACHIEVEMENT_TRANSITIONS.filter((t) => t.from === 'published')).toEqual([]);
  });
  it('is editable only as a draft or returned', () => {
    expect(isAchievementEditable('draft')).toBe(true);
    expect(isAchievementEditable('returned')).toBe(true);
    expect(isAchievementEditable('submitted')).toBe(false);
    expect(isAchievementEditable('published')).toBe(false);
  });
});

describe('interest state machine', () => {
  it('lets only the owner accept or decline a pending interest', () => {
    expect(interestTransition('accept', 'pending', 'owner')?.to).toBe('talking');
    expect(interestTransition('accept', 'pending', 'sender')).toBeNull();
    expect(interestTransition('decline', 'pending', 'owner')?.to).toBe('declined');
    expect(interestTransition('decline', 'talking', 'owner')).toBeNull();
  });
  it('lets either side sign or close a talk, and nothing leave signed, declined or closed', () => {
    for (const by of ['owner', 'sender'] as const) {
      expect(interestTransition('sign', 'talking', by)?.to).toBe('signed');
      expect(interestTransition('close', 'talking', by)?.to).toBe('closed');
      for (const from of ['signed', 'declined', 'closed'] as const) expect(interestDecisions(from, by)).toEqual([]);
    }
    expect(interestTransition('sign', 'pending', 'owner')).toBeNull();
    expect(interestDecisions('pending', 'owner')).toEqual(['accept', 'decline']);
    expect(interestDecisions('pending', 'sender')).toEqual(['close']);
  });
  it('shows contacts from the acceptance on, never before', () => {
    expect(contactsVisible('pending', false)).toBe(false);
    expect(contactsVisible('declined', false)).toBe(false);
    expect(contactsVisible('closed', false)).toBe(false);
    expect(contactsVisible('talking', true)).toBe(true);
    expect(contactsVisible('signed', true)).toBe(true);
    expect(contactsVisible('closed', true)).toBe(true);
  });
});

describe('institution credit codes', () => {
  it('takes 1 and 5 codes for universities and institutes, and 9 too for service bodies', () => {
    expect(institutionCodeProblem('university', '12440000455858001R')).toBeNull();
    expect(institutionCodeProblem('institute', '52440000MJL1234567')).toBeNull();
    expect(institutionCodeProblem('university', '91440300MA5FXXXX00')).toMatch(/1（事业单位）或 5/);
    expect(institutionCodeProblem('service', '91440300MA5FXXXX00')).toBeNull();
    expect(institutionCodeProblem('service', '31440300MA5FXXXX00')).toMatch(/9（企业）/);
  });
});
