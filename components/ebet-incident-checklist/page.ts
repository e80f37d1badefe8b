// The incident checklist's page: the frame and the checklist. Everything it needs is bundled: it fetches nothing.
import '../ebet-shell/define.ts';
import './define.ts';
