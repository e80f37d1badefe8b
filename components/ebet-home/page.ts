// The home page's script: the frame and the tool list.
import '../ebet-shell/ebet-shell.ts';
import './ebet-home.ts';
