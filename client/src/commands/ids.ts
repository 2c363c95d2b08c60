/** Command and view ids contributed in package.json — spelled once here for the client code. */
export const Commands = {
  newDesignDoc: 'mlsd.newDesignDoc',
  openCaseStudy: 'mlsd.openCaseStudy',
  chooseCaseStudy: 'mlsd.chooseCaseStudy',
  startPractice: 'mlsd.startPractice',
  stopPractice: 'mlsd.stopPractice',
  practiceMenu: 'mlsd.practiceMenu',
  focusOutline: 'mlsd.focusOutline',
  revealStep: 'mlsd.revealStep',
  insertStep: 'mlsd.insertStep',
  restartServer: 'mlsd.restartServer',
  refreshOutline: 'mlsd.refreshOutline',
} as const;

export const Views = {
  /** "Design Steps": one home, the MLSD container in the activity bar (drag it to the Explorer to move it there). */
  outline: 'mlsd.outline',
} as const;

export const ContextKeys = {
  isDesignDoc: 'mlsd.isDesignDoc',
  practiceRunning: 'mlsd.practiceRunning',
} as const;

export const CASE_STUDY_VIEW_TYPE = 'mlsd.caseStudy';
