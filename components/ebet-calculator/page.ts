// The calculator page's script: the frame and the calculator.
import '../ebet-shell/define.ts';
import './define.ts';
