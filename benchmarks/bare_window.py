"""The start-up baseline: a bare PySide6 QMainWindow, started as a process the way ISO Desk is,
shown, and left open until it is asked to close (WM_DELETE_WINDOW)."""
import sys

from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare-baseline")
window.resize(420, 260)
window.show()
sys.exit(app.exec())
