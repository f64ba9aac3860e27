"""What the program asks of Windows itself, without Qt: every Win32 function it calls is declared
once in `api` (on private `WinDLL` handles, with argument and result types), and the pieces built
on them (the kiosk's keyboard lock, power requests, the logon start value, DPAPI, the console
streams) live beside it. Off Windows each piece says it is unavailable instead of failing."""
