; Inno Setup 6 script of Corridor Map: installs the PyInstaller bundle dist\corridor-map\ (built by
; packaging\windows\build-windows.ps1 or the release workflow) with a Start-menu entry and an uninstaller.
;
;   iscc /DAppVersion=0.1.0 packaging\windows\corridor-map.iss      -> dist\corridor-map-0.1.0-setup.exe
;
; Per-user install by default (exhibitors' laptops often have no admin rights); the setup offers an
; all-users install when run by an administrator. If build\vc_redist.x64.exe exists when compiling, it is
; embedded and run (quietly, only when the Visual C++ 2015-2022 runtime is missing) for QtWebEngine.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Corridor Map"
#define AppExe "corridor-map.exe"
#define Root AddBackslash(SourcePath) + "..\.."
#define Bundle Root + "\dist\corridor-map"
#define Redist Root + "\build\vc_redist.x64.exe"

[Setup]
AppId={{6C1D2A4E-5B8F-4C7A-9E3D-2F1B0A9C8D71}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Corridor Map developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=corridor-map-{#AppVersion}-setup
SetupIconFile={#Root}\build\pyinstaller\corridor-map\icons\corridor-map.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
#if FileExists(Redist)
Source: "{#Redist}"; DestDir: "{tmp}"; Flags: deleteafterinstall; Check: VCRedistNeeded
#endif

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
#if FileExists(Redist)
Filename: "{tmp}\vc_redist.x64.exe"; Parameters: "/install /quiet /norestart"; StatusMsg: "Installing the Visual C++ runtime..."; Flags: waituntilterminated; Check: VCRedistNeeded
#endif
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; User data lives in %LOCALAPPDATA%\corridor-map (platformdirs) and is kept on uninstall, like any
; document; the install folder holds nothing but the bundle, so the uninstaller removes it completely.

[UninstallDelete]
; QtWebEngine creates an empty resources\locales folder at start-up when the install folder is writable.
Type: dirifempty; Name: "{app}\_internal\PySide6\resources\locales"
Type: dirifempty; Name: "{app}\_internal\PySide6\Qt\resources\locales"

[Code]
function VCRedistNeeded: Boolean;
var
  Installed: Cardinal;
begin
  Result := not (RegQueryDWordValue(HKLM64, 'SOFTWARE\Microsoft\VisualStudio\14.0\VC\Runtimes\x64',
                                    'Installed', Installed) and (Installed = 1));
end;
