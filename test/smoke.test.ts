import { expect } from '@open-wc/testing';
import { parseOrganization } from '../src/contract/validation.js';

describe('smoke', () => {
  it('validates', () => {
    expect(() => parseOrganization({})).to.throw();
  });
});
