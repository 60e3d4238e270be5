import demo from '../../resources/demo/kien-giang-2021.json' with { type: 'json' };
import dispatch864 from '../../resources/demo/dispatch-864.json' with { type: 'json' };
import type { OrganisationProfileInput } from '../../shared/domain/organisation.js';
import type { UnitInput } from '../../shared/domain/unit.js';
import type { Db } from '../db/connection.js';
import type { UnitsService } from '../units/units-service.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { DispatchesService } from '../dispatches/dispatches-service.js';
import type { FormsService } from '../forms/forms-service.js';
import { dispatchFromFile } from '../dispatches/dispatch-file.js';

interface DemoSet {
  profile: OrganisationProfileInput;
  groups: { name: string; kinhGuiLabel: string; sortOrder: number; units: Omit<UnitInput, 'groupId'>[] }[];
}

/**
 * The Kiên Giang sample: the organisation of công văn 864/STTTT-TTBCBC, every recipient
 * it names as in 2021, the dispatch itself, issued as 864 on 03/8/2021, and its data form.
 * Loading twice adds nothing the second time.
 */
export function loadDemoData(
  db: Db,
  units: UnitsService,
  settings: SettingsService,
  dispatches: DispatchesService,
  forms: FormsService,
): { unitsAdded: number; groupsAdded: number } {
  const set = demo as DemoSet;
  return db.transaction(() => {
    let unitsAdded = 0;
    let groupsAdded = 0;
    if (!settings.getProfile().agencyName) settings.saveProfile(set.profile);
    for (const group of set.groups) {
      let groupId = units.groupIdByName(group.name);
      if (groupId === undefined) {
        groupId = units.createGroup({ name: group.name, kinhGuiLabel: group.kinhGuiLabel, sortOrder: group.sortOrder }).id;
        groupsAdded++;
      }
      for (const unit of group.units) {
        if (units.findByName(unit.name)) continue;
        units.create({ ...unit, groupId }, { isSample: true });
        unitsAdded++;
      }
    }
    if (dispatches.findByReference('864/STTTT-TTBCBC', 2021).length === 0) {
      const lookup = { groups: units.listGroups(), units: units.list({ includeInactive: true }), defaultSigner: null };
      const draft = dispatches.createDraft(dispatchFromFile(dispatch864, lookup));
      dispatches.issue(draft.id, { number: 864, date: '2021-08-03' });
      forms.save(draft.id, forms.sample());
    }
    settings.markFirstRunDone();
    return { unitsAdded, groupsAdded };
  })();
}
