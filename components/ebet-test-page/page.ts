// The test page's script: the frame (which registers the site's worker, the simulator's receiver) and the test page mirror.
import '../ebet-shell/define.ts';
import './define.ts';
