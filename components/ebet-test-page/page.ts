// The test page's script: the frame and the test page mirror (which registers the simulator's worker).
import '../ebet-shell/ebet-shell.ts';
import './ebet-test-page.ts';
