import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define/announcements-panel.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { AnnouncementsPanel } from '../../src/elements/announcements-panel/announcements-panel.js';
import { dismissalKey } from '../../src/elements/announcements-panel/dismissals.js';
import { dataset, maintenanceNotice, until } from '../helpers/data.js';

describe('<announcements-panel>: the viewer’s remembered state', () => {
  afterEach(() => sinon.restore());

  it('is read when the panel connects, so its first render does not pay the first read of storage', async () => {
    const panel = document.createElement('announcements-panel') as AnnouncementsPanel;
    panel.setAttribute('org-id', 'o1');
    const data = dataset('o1');
    data.o1.announcements = [maintenanceNotice()];
    panel.adapter = createMemoryAdapter(data);
    // A viewer nobody on this page has written for: the read goes to storage, not to memory.
    const userId = `reader-${Math.random().toString(36).slice(2)}`;
    panel.userId = userId;
    const reads = sinon.spy(Storage.prototype, 'getItem');
    try {
      document.body.append(panel);
      // In the task that connects it, before any update of its own.
      expect(panel.hasUpdated).to.equal(false);
      expect(reads.calledWith(dismissalKey('o1', userId))).to.equal(true);
      reads.resetHistory();
      await until(() => panel.state !== undefined && panel.state !== 'loading', 'the panel to load');
      expect(panel.state).to.equal('ready');
      expect(reads.called, 'read once').to.equal(false);
    } finally {
      panel.remove();
    }
  });
});
