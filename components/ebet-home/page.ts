// The home page's script: the frame and the tool list.
import '../ebet-shell/define.ts';
import './define.ts';
