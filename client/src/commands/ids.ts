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
  lintWorkspace: 'mlsd.lintWorkspace',
  toggleDesignDocsSort: 'mlsd.toggleDesignDocsSort',
  refreshDesignDocs: 'mlsd.refreshDesignDocs',
  openReviewReport: 'mlsd.openReviewReport',
  /** Run by the review report's links (the only command its webview may run). */
  openReportLink: 'mlsd.openReportLink',
} as const;

export const Views = {
  /** "Design Steps": one home, the MLSD container in the activity bar (drag it to the Explorer to move it there). */
  outline: 'mlsd.outline',
  /** "Design Docs": every design doc in the workspace with its coverage, beside Design Steps. */
  designDocs: 'mlsd.designDocs',
} as const;

export const ContextKeys = {
  isDesignDoc: 'mlsd.isDesignDoc',
  practiceRunning: 'mlsd.practiceRunning',
  /** 'coverage' or 'findings': how the Design Docs view is sorted. */
  designDocsSort: 'mlsd.designDocsSort',
  /** The Design Docs view has its list (a scan finished), so an empty list means "none in the workspace". */
  designDocsIndexed: 'mlsd.designDocsIndexed',
} as const;

export const CASE_STUDY_VIEW_TYPE = 'mlsd.caseStudy';
export const REVIEW_REPORT_VIEW_TYPE = 'mlsd.reviewReport';
