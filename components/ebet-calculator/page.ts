// The calculator page's script: the frame and the calculator.
import '../ebet-shell/ebet-shell.ts';
import './ebet-calculator.ts';
