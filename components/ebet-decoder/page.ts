// The decoder page's script: the frame and the decoder.
import '../ebet-shell/ebet-shell.ts';
import './ebet-decoder.ts';
