// The decoder page's script: the frame and the decoder.
import '../ebet-shell/define.ts';
import './define.ts';
