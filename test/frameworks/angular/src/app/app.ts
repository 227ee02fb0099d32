import { Component } from '@angular/core';
// The Embedding guide's Angular snippet (stories/embedding/angular-dashboard.component.ts.txt), copied
// here by scripts/test-frameworks.mjs before each run: the code shown to hosts is the code this app runs.
import { Dashboard } from './dashboard';

@Component({
  selector: 'app-root',
  imports: [Dashboard],
  template: `<app-dashboard orgId="org_acme" />`,
  styles: [],
})
export class App {}
