import { deletionVerdict } from '../../src/domain/deletion-evidence';

describe('deletion rules', () => {
  it('delete only on evidence: trashed, or a readable container whose search does not list the item', () => {
    expect(deletionVerdict({ seen: 'present' })).toBe('keep');
    expect(deletionVerdict({ seen: 'trashed' })).toBe('delete');
    expect(deletionVerdict({ seen: 'missing', containerReadable: true, listedInContainer: false })).toBe('delete');
  });

  it('a missing item in an unreadable container is access lost, never a deletion', () => {
    expect(deletionVerdict({ seen: 'missing', containerReadable: false })).toBe('access-lost');
    expect(deletionVerdict({ seen: 'missing', containerReadable: false, listedInContainer: false })).toBe('access-lost');
  });

  it('contradicting or incomplete answers keep the activity', () => {
    expect(deletionVerdict({ seen: 'missing', containerReadable: true, listedInContainer: true })).toBe('keep');
    expect(deletionVerdict({ seen: 'missing', containerReadable: true })).toBe('keep');
  });
});
