; Inno Setup script: a per-user installer for the one-folder bundle (dist\displacement-tracker).
;
;   pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\displacement-tracker.spec
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\displacement-tracker.iss
;
; ISCC.exe is Inno Setup 6.3 or later (x64compatible below) or Inno Setup 7, in "Inno Setup 6" under
; %ProgramFiles(x86)% or "Inno Setup 7" under %ProgramFiles%.
;
; Output: dist\displacement-tracker-VERSION-setup.exe. It installs without administrator rights into
; %LOCALAPPDATA%\Programs\Displacement Tracker, adds a Start-menu entry and opens .dtdb files with the app.
; Databases (with their .backups folders) and preferences live in the user's application-data folders
; (%LOCALAPPDATA%\displacement-tracker: platformdirs' user data folder; %APPDATA%\displacement-tracker: Qt's
; per-user INI); uninstalling keeps them unless the user says to delete them.
; .github/workflows/windows.yml builds, installs, self-tests and uninstalls it on every push.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (it is the one in pyproject.toml)
#endif
#define AppName "Displacement Tracker"
#define AppExe "displacement-tracker.exe"
#define ProgId "DisplacementTracker.Database"
#define Bundle "..\..\dist\displacement-tracker"

[Setup]
; the id ties upgrades and the uninstaller together: never change it
AppId={{6F1C2E4B-8C1D-4C59-9E2B-2B7D0C9A4F31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Displacement Tracker maintainers
; per user, no administrator: {autopf} is then %LOCALAPPDATA%\Programs
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
OutputDir=..\..\dist
OutputBaseFilename=displacement-tracker-{#AppVersion}-setup
SetupIconFile=..\icons\displacement-tracker.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
; an open window would hold its files: ask to close it before replacing them
CloseApplications=yes
ShowLanguageDialog=auto

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#if FileExists(AddBackslash(CompilerPath) + "Languages\Arabic.isl")
Name: "arabic"; MessagesFile: "compiler:Languages\Arabic.isl"
#endif

[CustomMessages]
english.DeleteData=Also delete your Displacement Tracker databases, their backups and your settings?%n%n%1%n%nChoose No to keep them (recommended: they hold your registrations).
english.OpenWith=Displacement Tracker database
#if FileExists(AddBackslash(CompilerPath) + "Languages\Arabic.isl")
arabic.DeleteData=هل تريد حذف قواعد بيانات متتبّع النزوح ونسخها الاحتياطية وإعداداتك أيضاً؟%n%n%1%n%nاختر «لا» للاحتفاظ بها (يُنصح بذلك: فيها تسجيلاتك).
arabic.OpenWith=قاعدة بيانات متتبّع النزوح
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; an upgrade replaces the whole bundle: no module of the old version may linger beside the new one
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .dtdb opens in the app: per-user classes (HKA is HKCU in the non administrative install mode that
; PrivilegesRequired=lowest always selects). .dtdb is this app's own format, so its ProgID is the
; extension's default (a double-click opens it without asking), and is also listed under
; OpenWithProgids. The uninstaller undoes these in reverse order: the extension's key goes once empty.
Root: HKA; Subkey: "Software\Classes\.dtdb"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\.dtdb\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWith}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".dtdb"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ The user's data: databases (platformdirs' user data folder) and preferences (Qt's per-user INI). }
function DataFolders(): String;
begin
  Result := ExpandConstant('{localappdata}\displacement-tracker') + #13#10 +
            ExpandConstant('{userappdata}\displacement-tracker');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  { Only when asked, and never in a silent uninstall: the data outlives the program by default. }
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
  begin
    if MsgBox(FmtMessage(CustomMessage('DeleteData'), [DataFolders()]), mbConfirmation,
              MB_YESNO or MB_DEFBUTTON2) = IDYES then
    begin
      DelTree(ExpandConstant('{localappdata}\displacement-tracker'), True, True, True);
      DelTree(ExpandConstant('{userappdata}\displacement-tracker'), True, True, True);
    end;
  end;
end;
