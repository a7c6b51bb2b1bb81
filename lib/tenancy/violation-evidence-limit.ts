// The most files one violation's evidence may hold (Art. 31); shared by the service and the page.
export const MAX_EVIDENCE_FILES = 10;
