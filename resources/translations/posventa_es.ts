<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AccountForm</name>
    <message>
        <source>Added %1. The first sync starts now.</source>
        <translation>Se añadió %1. La primera sincronización empieza ahora.</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>{address} is not a web address; type the instance like mastodon.social</source>
        <translation>{address} no es una dirección web; escriba la instancia así: mastodon.social</translation>
    </message>
    <message>
        <source>an empty address</source>
        <translation>una dirección vacía</translation>
    </message>
    <message>
        <source>Plain http:// is only allowed for this machine (the sandbox); use https://</source>
        <translation>http:// sin cifrar solo se permite en este equipo (el entorno de pruebas); use https://</translation>
    </message>
    <message>
        <source>The access token is empty.</source>
        <translation>El token de acceso está vacío.</translation>
    </message>
    <message>
        <source>That account was removed meanwhile; add it again.</source>
        <translation>Esa cuenta se eliminó mientras tanto; añádala de nuevo.</translation>
    </message>
    <message>
        <source>You signed in as @{signed}, but this account is @{account}; sign in as @{account} instead.</source>
        <translation>Inició sesión como @{signed}, pero esta cuenta es @{account}; inicie sesión como @{account}.</translation>
    </message>
    <message>
        <source>The feed {url} is already an account.</source>
        <translation>El feed {url} ya es una cuenta.</translation>
    </message>
    <message>
        <source>The WordPress user name is empty.</source>
        <translation>El nombre de usuario de WordPress está vacío.</translation>
    </message>
    <message>
        <source>The application password is empty.</source>
        <translation>La contraseña de aplicación está vacía.</translation>
    </message>
    <message>
        <source>Mastodon</source>
        <translation>Mastodon</translation>
    </message>
    <message>
        <source>Bluesky</source>
        <translation>Bluesky</translation>
    </message>
    <message>
        <source>RSS or Atom feed</source>
        <translation>Feed RSS o Atom</translation>
    </message>
    <message>
        <source>WordPress comments</source>
        <translation>Comentarios de WordPress</translation>
    </message>
    <message>
        <source>waiting for the first sync</source>
        <translation>esperando la primera sincronización</translation>
    </message>
    <message>
        <source>token rejected: sign in again</source>
        <translation>token rechazado: vuelva a iniciar sesión</translation>
    </message>
    <message>
        <source>live</source>
        <translation>en directo</translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation>sincronizando…</translation>
    </message>
    <message>
        <source>polling</source>
        <translation>consultando periódicamente</translation>
    </message>
    <message>
        <source>rate limited: %1</source>
        <translation>límite de peticiones: %1</translation>
    </message>
    <message>
        <source>offline: %1</source>
        <translation>sin conexión: %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>The read budget is a number of posts per month, like 10000 (or empty for no budget).</source>
        <translation>El presupuesto de lectura es un número de publicaciones al mes, como 10000 (o vacío para no tener presupuesto).</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Reddit</source>
        <translation>Reddit</translation>
    </message>
    <message>
        <source>The refresh token is empty.</source>
        <translation>El token de renovación está vacío.</translation>
    </message>
</context>
<context>
    <name>AccountsController</name>
    <message>
        <source>Not available in this version.</source>
        <translation>No disponible en esta versión.</translation>
    </message>
    <message>
        <source>%1 is ready; the first sync starts now.</source>
        <translation>%1 está lista; la primera sincronización empieza ahora.</translation>
    </message>
    <message>
        <source>Sign %1 in again. Posts, cases and settings stay as they are; only the token is replaced.</source>
        <translation>Vuelva a iniciar sesión con %1. Las publicaciones, los casos y los ajustes se mantienen; solo se sustituye el token.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Eliminar cuenta</translation>
    </message>
    <message>
        <source>Remove %1?

Its token is deleted from the keyring. Mentions already stored stay in the workspace.</source>
        <translation>¿Eliminar %1?

Su token se borra del llavero del sistema. Las menciones ya guardadas permanecen en el espacio de trabajo.</translation>
    </message>
    <message>
        <source>remove the account</source>
        <translation>eliminar la cuenta</translation>
    </message>
    <message>
        <source>Account removed.</source>
        <translation>Cuenta eliminada.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Brand accounts</source>
        <translation>Cuentas de la marca</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>Añadir cuenta…</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Volver a iniciar sesión…</translation>
    </message>
    <message>
        <source>Remove account…</source>
        <translation>Eliminar cuenta…</translation>
    </message>
    <message>
        <source>Account message</source>
        <translation>Mensaje de la cuenta</translation>
    </message>
    <message>
        <source>Add an account. Which network?</source>
        <translation>Añadir una cuenta. ¿De qué red?</translation>
    </message>
    <message>
        <source>Choose a network above.</source>
        <translation>Elija una red arriba.</translation>
    </message>
    <message>
        <source>◂ Back to the accounts</source>
        <translation>◂ Volver a las cuentas</translation>
    </message>
</context>
<context>
    <name>AccountsSection</name>
    <message>
        <source>Linked accounts</source>
        <translation>Cuentas vinculadas</translation>
    </message>
    <message>
        <source>and %1 more account(s)</source>
        <translation>y %1 cuenta(s) más</translation>
    </message>
    <message numerus="yes">
        <source>%Ln follower(s)</source>
        <translation><numerusform>%Ln seguidor</numerusform><numerusform>%Ln seguidores</numerusform></translation>
    </message>
    <message>
        <source>bot</source>
        <translation>bot</translation>
    </message>
    <message>
        <source>Network and followers</source>
        <translation>Red y seguidores</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nombre visible</translation>
    </message>
    <message>
        <source>Bio</source>
        <translation>Biografía</translation>
    </message>
    <message>
        <source>(no link)</source>
        <translation>(sin enlace)</translation>
    </message>
    <message>
        <source>Open this account in the browser</source>
        <translation>Abrir esta cuenta en el navegador</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Desvincular</translation>
    </message>
    <message>
        <source>Take this account out of the customer</source>
        <translation>Quitar esta cuenta del cliente</translation>
    </message>
</context>
<context>
    <name>ActionRow</name>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Action value</source>
        <translation>Valor de la acción</translation>
    </message>
    <message>
        <source>Remove action</source>
        <translation>Quitar acción</translation>
    </message>
</context>
<context>
    <name>BlueskyForm</name>
    <message>
        <source>marca.bsky.social</source>
        <translation>marca.bsky.social</translation>
    </message>
    <message>
        <source>Bluesky handle</source>
        <translation>Usuario de Bluesky</translation>
    </message>
    <message>
        <source>abcd-efgh-ijkl-mnop</source>
        <translation>abcd-efgh-ijkl-mnop</translation>
    </message>
    <message>
        <source>App password</source>
        <translation>Contraseña de aplicación</translation>
    </message>
    <message>
        <source>Bluesky server</source>
        <translation>Servidor de Bluesky</translation>
    </message>
    <message>
        <source>Use an app password, never your main password. Create one in Bluesky under Settings ▸ Privacy and security ▸ App passwords, with “Allow access to your direct messages” ticked for direct messages. Change the server only if the account lives on its own PDS.</source>
        <translation>Use una contraseña de aplicación, nunca su contraseña principal. Créela en Bluesky en Ajustes ▸ Privacidad y seguridad ▸ Contraseñas de aplicación, con «Permitir el acceso a tus mensajes directos» marcado para los mensajes directos. Cambie el servidor solo si la cuenta está en su propio PDS.</translation>
    </message>
    <message>
        <source>Sign in and add</source>
        <translation>Iniciar sesión y añadir</translation>
    </message>
    <message>
        <source>Bluesky sign-in message</source>
        <translation>Mensaje del inicio de sesión en Bluesky</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>add the Bluesky account</source>
        <translation>añadir la cuenta de Bluesky</translation>
    </message>
    <message>
        <source>Signing in as %1 on %2…</source>
        <translation>Iniciando sesión como %1 en %2…</translation>
    </message>
    <message>
        <source>Needs an app password made with “Allow access to your direct messages”. Untick to follow public posts only.</source>
        <translation>Necesita una contraseña de aplicación creada con «Permitir el acceso a tus mensajes directos». Desmárquelo para seguir solo las publicaciones públicas.</translation>
    </message>
    <message>
        <source>Read and answer direct messages</source>
        <translation>Leer y contestar mensajes directos</translation>
    </message>
</context>
<context>
    <name>BrowserSignInForm</name>
    <message>
        <source>Sign in with the browser</source>
        <translation>Iniciar sesión con el navegador</translation>
    </message>
    <message>
        <source>Sign-in progress</source>
        <translation>Progreso del inicio de sesión</translation>
    </message>
    <message>
        <source>Open the page again</source>
        <translation>Abrir la página de nuevo</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Cancelar inicio de sesión</translation>
    </message>
    <message>
        <source>Address the browser ended on</source>
        <translation>Dirección en la que terminó el navegador</translation>
    </message>
    <message>
        <source>Use this address</source>
        <translation>Usar esta dirección</translation>
    </message>
    <message>
        <source>Could not sign in: unexpected %1.</source>
        <translation>No se pudo iniciar sesión: %1 inesperado.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Inicio de sesión cancelado.</translation>
    </message>
    <message>
        <source>add the account</source>
        <translation>añadir la cuenta</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Token de acceso</translation>
    </message>
    <message>
        <source>Verify and add</source>
        <translation>Verificar y añadir</translation>
    </message>
</context>
<context>
    <name>Canned</name>
    <message>
        <source>“{shortcut}” is not a usable shortcut: use letters, digits, - or _ (up to 40), without spaces</source>
        <translation>«{shortcut}» no sirve como atajo: use letras, números, - o _ (hasta 40), sin espacios</translation>
    </message>
    <message>
        <source>a canned reply needs a name</source>
        <translation>una respuesta predefinida necesita un nombre</translation>
    </message>
    <message>
        <source>a canned reply needs a body</source>
        <translation>una respuesta predefinida necesita un texto</translation>
    </message>
    <message>
        <source>“{lang}” is not a language code (like es or en)</source>
        <translation>«{lang}» no es un código de idioma (como es o en)</translation>
    </message>
    <message>
        <source>the shortcut /{shortcut} is already used by “{name}”</source>
        <translation>el atajo /{shortcut} ya lo usa «{name}»</translation>
    </message>
    <message>
        <source>the shortcut /{shortcut} is already used</source>
        <translation>el atajo /{shortcut} ya está en uso</translation>
    </message>
    <message>
        <source>there is no canned reply {id}</source>
        <translation>no existe la respuesta predefinida {id}</translation>
    </message>
</context>
<context>
    <name>CannedPicker</name>
    <message>
        <source>Insert canned replies</source>
        <translation>Insertar respuestas predefinidas</translation>
    </message>
    <message>
        <source>Search by shortcut, name or language…</source>
        <translation>Buscar por atajo, nombre o idioma…</translation>
    </message>
    <message>
        <source>Search canned replies</source>
        <translation>Buscar respuestas predefinidas</translation>
    </message>
    <message>
        <source>Canned replies</source>
        <translation>Respuestas predefinidas</translation>
    </message>
    <message>
        <source>Canned reply text</source>
        <translation>Texto de la respuesta predefinida</translation>
    </message>
    <message>
        <source>Select several with Ctrl or Shift to stack them into one reply.</source>
        <translation>Seleccione varias con Ctrl o Mayús para unirlas en una sola respuesta.</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Insertar</translation>
    </message>
</context>
<context>
    <name>CannedRepliesController</name>
    <message>
        <source>Saved /%1.</source>
        <translation>Guardada /%1.</translation>
    </message>
    <message>
        <source>Delete /%1 “%2” for the whole team?</source>
        <translation>¿Eliminar /%1 «%2» para todo el equipo?</translation>
    </message>
    <message>
        <source>Delete canned reply</source>
        <translation>Eliminar respuesta predefinida</translation>
    </message>
    <message>
        <source>Uses: %1</source>
        <translation>Usa: %1</translation>
    </message>
    <message>
        <source>Uses no variables.</source>
        <translation>No usa variables.</translation>
    </message>
</context>
<context>
    <name>CannedRepliesDialog</name>
    <message>
        <source>Any language</source>
        <translation>Cualquier idioma</translation>
    </message>
    <message>
        <source>Spanish (es)</source>
        <translation>Español (es)</translation>
    </message>
    <message>
        <source>English (en)</source>
        <translation>Inglés (en)</translation>
    </message>
    <message>
        <source>Canned replies</source>
        <translation>Respuestas predefinidas</translation>
    </message>
    <message>
        <source>Search by shortcut, name or language…</source>
        <translation>Buscar por atajo, nombre o idioma…</translation>
    </message>
    <message>
        <source>Search canned replies</source>
        <translation>Buscar respuestas predefinidas</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
    <message>
        <source>e.g. envio (typed as /envio)</source>
        <translation>p. ej. envio (se escribe /envio)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Variables: {nombre} the customer's first name, {agente} your name, {numero_pedido} the order number found in the conversation. Any other {word} is asked for when the reply is inserted. Write {{ and }} for literal braces.</source>
        <translation>Variables: {nombre} el nombre del cliente, {agente} su nombre, {numero_pedido} el número de pedido encontrado en la conversación. Cualquier otra {word} se pide al insertar la respuesta. Escriba {{ y }} para llaves literales.</translation>
    </message>
    <message>
        <source>Variables in this reply</source>
        <translation>Variables de esta respuesta</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Shortcut</source>
        <translation>A&amp;tajo</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
</context>
<context>
    <name>CaseAlerts</name>
    <message>
        <source>Case {0} ({1}): {2} {3}</source>
        <translation>Caso {0} ({1}): {2} {3}</translation>
    </message>
    <message>
        <source>An urgent case is about to breach its SLA</source>
        <translation>Un caso urgente está a punto de incumplir su SLA</translation>
    </message>
    <message>
        <source>{0} urgent cases are about to breach their SLA</source>
        <translation>{0} casos urgentes están a punto de incumplir su SLA</translation>
    </message>
</context>
<context>
    <name>CaseController</name>
    <message>
        <source>claim the case</source>
        <translation>tomar el caso</translation>
    </message>
    <message>
        <source>Case {0} · {1}</source>
        <translation>Caso {0} · {1}</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(sin texto)</translation>
    </message>
    <message>
        <source>→ {0}</source>
        <translation>→ {0}</translation>
    </message>
    <message>
        <source>Notes ({0})</source>
        <translation>Notas ({0})</translation>
    </message>
    <message>
        <source>⚑ Claimed by {0} at {1}</source>
        <translation>⚑ Tomado por {0} a las {1}</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Hacerse cargo</translation>
    </message>
    <message>
        <source>Claimed by you at {0}</source>
        <translation>Tomado por usted a las {0}</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Liberar</translation>
    </message>
    <message>
        <source>Nobody has claimed this case.</source>
        <translation>Nadie ha tomado este caso.</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Tomar</translation>
    </message>
    <message>
        <source>close the case</source>
        <translation>cerrar el caso</translation>
    </message>
    <message>
        <source>Could not {0}: {1}.</source>
        <translation>No se pudo {0}: {1}.</translation>
    </message>
    <message>
        <source>open a case</source>
        <translation>abrir un caso</translation>
    </message>
    <message>
        <source>This customer has no other open case.</source>
        <translation>Este cliente no tiene otro caso abierto.</translation>
    </message>
    <message>
        <source>attach the mention</source>
        <translation>añadir la mención</translation>
    </message>
    <message>
        <source>release the case</source>
        <translation>liberar el caso</translation>
    </message>
    <message>
        <source>take the case over</source>
        <translation>hacerse cargo del caso</translation>
    </message>
    <message>
        <source>change the state</source>
        <translation>cambiar el estado</translation>
    </message>
    <message>
        <source>change the priority</source>
        <translation>cambiar la prioridad</translation>
    </message>
    <message>
        <source>assign the case</source>
        <translation>asignar el caso</translation>
    </message>
    <message>
        <source>tag the case</source>
        <translation>etiquetar el caso</translation>
    </message>
    <message>
        <source>add the note</source>
        <translation>añadir la nota</translation>
    </message>
</context>
<context>
    <name>CaseEvents</name>
    <message>
        <source>a rule</source>
        <translation>una regla</translation>
    </message>
    <message>
        <source>answered before the case was opened</source>
        <translation>respondida antes de abrir el caso</translation>
    </message>
    <message>
        <source>opened by an agent</source>
        <translation>abierto por un agente</translation>
    </message>
    <message>
        <source>direct message</source>
        <translation>mensaje directo</translation>
    </message>
    <message>
        <source>rule: {0}</source>
        <translation>regla: {0}</translation>
    </message>
    <message>
        <source>complaint {0}</source>
        <translation>queja {0}</translation>
    </message>
    <message>
        <source>from mention {0}</source>
        <translation>desde la mención {0}</translation>
    </message>
    <message>
        <source>opened by {0}</source>
        <translation>abierto por {0}</translation>
    </message>
    <message>
        <source>moved to case {0}</source>
        <translation>movida al caso {0}</translation>
    </message>
    <message>
        <source>reply {0} sent</source>
        <translation>respuesta {0} enviada</translation>
    </message>
</context>
<context>
    <name>CaseFile</name>
    <message>
        <source>there is no case {number} in this workspace</source>
        <translation>no hay ningún caso {number} en este espacio de trabajo</translation>
    </message>
    <message>
        <source>the search has no words to look for</source>
        <translation>la búsqueda no tiene palabras que buscar</translation>
    </message>
    <message>
        <source>nothing matches that selection; no case file was written</source>
        <translation>nada coincide con esa selección; no se escribió ningún archivo de casos</translation>
    </message>
    <message>
        <source>choose what to export: case ids, a search or a start date</source>
        <translation>elija qué exportar: números de caso, una búsqueda o una fecha de inicio</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>la carpeta {folder} no existe</translation>
    </message>
    <message>
        <source>cannot write {file}: {error}</source>
        <translation>no se puede escribir {file}: {error}</translation>
    </message>
    <message>
        <source>cannot write the case file {name}: {error}</source>
        <translation>no se puede escribir el archivo de casos {name}: {error}</translation>
    </message>
    <message>
        <source>{name} is not a Posventa case file</source>
        <translation>{name} no es un archivo de casos de Posventa</translation>
    </message>
    <message>
        <source>there is no case file at {path}</source>
        <translation>no hay ningún archivo de casos en {path}</translation>
    </message>
    <message>
        <source>{name} was written by a newer Posventa; update to open it</source>
        <translation>{name} se escribió con una versión más reciente de Posventa; actualice para abrirlo</translation>
    </message>
    <message>
        <source>{name} was changed after it was exported (its checksum does not match); ask for a fresh copy</source>
        <translation>{name} se modificó después de exportarse (su suma de control no coincide); pida una copia nueva</translation>
    </message>
    <message>
        <source>a review score is a whole number from 1 to 5</source>
        <translation>la puntuación de una revisión es un número entero del 1 al 5</translation>
    </message>
    <message>
        <source>cannot save the review in {name}: {error}</source>
        <translation>no se puede guardar la revisión en {name}: {error}</translation>
    </message>
    <message>
        <source>came in a case file; it was not sent from this workspace</source>
        <translation>llegó en un archivo de casos; no se envió desde este espacio de trabajo</translation>
    </message>
</context>
<context>
    <name>CaseFileActions</name>
    <message>
        <source>Open case file</source>
        <translation>Abrir archivo de casos</translation>
    </message>
    <message>
        <source>Posventa case files (*{suffix});;All files (*)</source>
        <translation>Archivos de casos de Posventa (*{suffix});;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Could not start the review window.</source>
        <translation>No se pudo abrir la ventana de revisión.</translation>
    </message>
</context>
<context>
    <name>CaseFileImport</name>
    <message>
        <source>tags</source>
        <translation>etiquetas</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>clientes</translation>
    </message>
    <message>
        <source>accounts of customers</source>
        <translation>cuentas de clientes</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>casos</translation>
    </message>
    <message>
        <source>mentions</source>
        <translation>menciones</translation>
    </message>
    <message>
        <source>replies</source>
        <translation>respuestas</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <source>case history entries</source>
        <translation>entradas del historial de casos</translation>
    </message>
    <message>
        <source>triage corrections</source>
        <translation>correcciones de clasificación</translation>
    </message>
    <message>
        <source>tag links</source>
        <translation>etiquetados</translation>
    </message>
    <message>
        <source>link decisions</source>
        <translation>decisiones de vinculación</translation>
    </message>
    <message>
        <source>reviews</source>
        <translation>revisiones</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Select a mention to see its case.</source>
        <translation>Seleccione una mención para ver su caso.</translation>
    </message>
    <message>
        <source>This mention is not in a case.</source>
        <translation>Esta mención no está en ningún caso.</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Abrir caso</translation>
    </message>
    <message>
        <source>Attach to case…</source>
        <translation>Añadir a un caso…</translation>
    </message>
    <message>
        <source>Case state</source>
        <translation>Estado del caso</translation>
    </message>
    <message>
        <source>Case priority</source>
        <translation>Prioridad del caso</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Asignado a</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>sin asignar</translation>
    </message>
    <message>
        <source>First response clock</source>
        <translation>Reloj de primera respuesta</translation>
    </message>
    <message>
        <source>Resolution clock</source>
        <translation>Reloj de resolución</translation>
    </message>
    <message>
        <source>Case tags</source>
        <translation>Etiquetas del caso</translation>
    </message>
    <message>
        <source>Internal notes</source>
        <translation>Notas internas</translation>
    </message>
    <message>
        <source>New internal note</source>
        <translation>Nueva nota interna</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <source>Case history</source>
        <translation>Historial del caso</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Case message</source>
        <translation>Mensaje del caso</translation>
    </message>
    <message>
        <source>Attach to case</source>
        <translation>Añadir a un caso</translation>
    </message>
    <message>
        <source>Add this mention to the case:</source>
        <translation>Añadir esta mención al caso:</translation>
    </message>
    <message>
        <source>comma-separated tags</source>
        <translation>etiquetas separadas por comas</translation>
    </message>
    <message>
        <source>Tags separated by commas; Enter saves them.</source>
        <translation>Etiquetas separadas por comas; Intro las guarda.</translation>
    </message>
    <message>
        <source>Internal note for the team, never sent</source>
        <translation>Nota interna para el equipo, nunca se envía</translation>
    </message>
    <message>
        <source>Ctrl+Enter adds the note.</source>
        <translation>Ctrl+Intro añade la nota.</translation>
    </message>
</context>
<context>
    <name>CaseStates</name>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resuelto</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
</context>
<context>
    <name>CaseText</name>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>waiting on customer</source>
        <translation>en espera del cliente</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resuelto</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>Primera respuesta</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>sin objetivo</translation>
    </message>
    <message>
        <source>met at {0} (due {1})</source>
        <translation>cumplido a las {0} (vencía {1})</translation>
    </message>
    <message>
        <source>{0} late: done {1}, due {2}</source>
        <translation>{0} con retraso: hecho {1}, vencía {2}</translation>
    </message>
    <message>
        <source>paused while waiting on the customer</source>
        <translation>en pausa mientras se espera al cliente</translation>
    </message>
    <message>
        <source>{0} breached {1} ago (due {2})</source>
        <translation>{0} incumplido hace {1} (vencía {2})</translation>
    </message>
    <message>
        <source>{0} {1} left — due {2}</source>
        <translation>{0} quedan {1} — vence {2}</translation>
    </message>
    <message>
        <source>{0} left — due {1}</source>
        <translation>quedan {0} — vence {1}</translation>
    </message>
    <message>
        <source>{0} · paused</source>
        <translation>{0} · en pausa</translation>
    </message>
    <message>
        <source>{0} late</source>
        <translation>{0} tarde</translation>
    </message>
    <message>
        <source>{0} left</source>
        <translation>quedan {0}</translation>
    </message>
    <message>
        <source>Case {0}: {1}</source>
        <translation>Caso {0}: {1}</translation>
    </message>
    <message>
        <source>Assigned to {0}</source>
        <translation>Asignado a {0}</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <source>Claimed by {0}</source>
        <translation>Tomado por {0}</translation>
    </message>
    <message>
        <source>Posventa</source>
        <translation>Posventa</translation>
    </message>
    <message>
        <source>opened the case ({0})</source>
        <translation>abrió el caso ({0})</translation>
    </message>
    <message>
        <source>reopened: {0} → {1}</source>
        <translation>reabierto: {0} → {1}</translation>
    </message>
    <message>
        <source>state {0} → {1}</source>
        <translation>estado {0} → {1}</translation>
    </message>
    <message>
        <source>assigned to {0}</source>
        <translation>asignado a {0}</translation>
    </message>
    <message>
        <source>unassigned (was {0})</source>
        <translation>sin asignar (era {0})</translation>
    </message>
    <message>
        <source>priority {0} → {1}</source>
        <translation>prioridad {0} → {1}</translation>
    </message>
    <message>
        <source>claimed the case</source>
        <translation>tomó el caso</translation>
    </message>
    <message>
        <source>released {0}'s claim</source>
        <translation>liberó el caso de {0}</translation>
    </message>
    <message>
        <source>took the case over from {0}</source>
        <translation>se hizo cargo del caso de {0}</translation>
    </message>
    <message>
        <source>tagged {0}</source>
        <translation>etiquetó {0}</translation>
    </message>
    <message>
        <source>removed tag {0}</source>
        <translation>quitó la etiqueta {0}</translation>
    </message>
    <message>
        <source>added a note: {0}</source>
        <translation>añadió una nota: {0}</translation>
    </message>
    <message>
        <source>moved mention {0} ({1})</source>
        <translation>movió la mención {0} ({1})</translation>
    </message>
    <message>
        <source>added mention {0}</source>
        <translation>añadió la mención {0}</translation>
    </message>
    <message>
        <source>took out mention {0}</source>
        <translation>sacó la mención {0}</translation>
    </message>
    <message>
        <source>brand reply: {0}</source>
        <translation>respuesta de la marca: {0}</translation>
    </message>
    <message>
        <source>reviewed the case: {0}/5 {1}</source>
        <translation>revisó el caso: {0}/5 {1}</translation>
    </message>
</context>
<context>
    <name>Cases</name>
    <message>
        <source>there is no case {case}</source>
        <translation>no existe el caso {case}</translation>
    </message>
    <message>
        <source>there is no mention {mention}</source>
        <translation>no existe la mención {mention}</translation>
    </message>
    <message>
        <source>mention {mention} is already in case {case}</source>
        <translation>la mención {mention} ya está en el caso {case}</translation>
    </message>
    <message>
        <source>mention {mention} was written by another customer than case {case}</source>
        <translation>la mención {mention} la escribió otro cliente distinto al del caso {case}</translation>
    </message>
    <message>
        <source>mention {mention} is not in a case</source>
        <translation>la mención {mention} no está en ningún caso</translation>
    </message>
    <message>
        <source>mention {mention} is the only one in case {case}; close the case instead</source>
        <translation>la mención {mention} es la única del caso {case}; cierre el caso en su lugar</translation>
    </message>
    <message>
        <source>{state!r} is not a case state; use one of {states}</source>
        <translation>{state!r} no es un estado de caso; use uno de estos: {states}</translation>
    </message>
    <message>
        <source>case {case} is already {state}</source>
        <translation>el caso {case} ya está en el estado «{state}»</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>nothing else</source>
        <translation>ningún otro</translation>
    </message>
    <message>
        <source>a {old} case cannot become {new}; it can become {allowed}</source>
        <translation>un caso en el estado «{old}» no puede pasar a «{new}»; puede pasar a: {allowed}</translation>
    </message>
    <message>
        <source>case {case} is already assigned to {name}</source>
        <translation>el caso {case} ya está asignado a {name}</translation>
    </message>
    <message>
        <source>case {case} has no assignee</source>
        <translation>el caso {case} no tiene a nadie asignado</translation>
    </message>
    <message>
        <source>a priority is between 0 and 100</source>
        <translation>la prioridad va de 0 a 100</translation>
    </message>
    <message>
        <source>case {case} already has priority {priority}</source>
        <translation>el caso {case} ya tiene prioridad {priority}</translation>
    </message>
    <message>
        <source>a tag needs at least one letter</source>
        <translation>una etiqueta necesita al menos una letra</translation>
    </message>
    <message>
        <source>a tag is at most {n} characters, with no commas</source>
        <translation>una etiqueta tiene como máximo {n} caracteres, sin comas</translation>
    </message>
    <message>
        <source>the note is empty</source>
        <translation>la nota está vacía</translation>
    </message>
    <message>
        <source>a note is at most {n} characters</source>
        <translation>una nota tiene como máximo {n} caracteres</translation>
    </message>
    <message>
        <source>set your agent name first (posventa cases --agent NAME, or agent_name in the workspace settings)</source>
        <translation>indique primero su nombre de agente (posventa cases --agent NOMBRE, o agent_name en los ajustes del espacio de trabajo)</translation>
    </message>
    <message>
        <source>case {case} is {state}; reopen it to work on it</source>
        <translation>el caso {case} está en el estado «{state}»; reábralo para trabajar en él</translation>
    </message>
    <message>
        <source>set your agent name first</source>
        <translation>indique primero su nombre de agente</translation>
    </message>
</context>
<context>
    <name>Channels</name>
    <message>
        <source>create one in Bluesky under Settings → Privacy and security → App passwords</source>
        <translation>créela en Bluesky en Ajustes → Privacidad y seguridad → Contraseñas de aplicación</translation>
    </message>
    <message>
        <source>The Bluesky handle is empty; type it like marca.bsky.social.</source>
        <translation>El usuario de Bluesky está vacío; escríbalo así: marca.bsky.social.</translation>
    </message>
    <message>
        <source>{handle} is not a Bluesky handle; type the whole handle, like marca.bsky.social.</source>
        <translation>{handle} no es un usuario de Bluesky; escriba el usuario completo, por ejemplo marca.bsky.social.</translation>
    </message>
    <message>
        <source>The app password is empty; {where}.</source>
        <translation>La contraseña de aplicación está vacía; {where}.</translation>
    </message>
    <message>
        <source>That is not an app password (four groups of four letters and digits, like abcd-efgh-ijkl-mnop); {where}. Never use your main password here.</source>
        <translation>Eso no es una contraseña de aplicación (cuatro grupos de cuatro letras y cifras, como abcd-efgh-ijkl-mnop); {where}. Nunca use aquí su contraseña principal.</translation>
    </message>
    <message>
        <source>{address} is not a web address (https://bsky.social)</source>
        <translation>{address} no es una dirección web (https://bsky.social)</translation>
    </message>
    <message>
        <source>An empty address</source>
        <translation>Una dirección vacía</translation>
    </message>
    <message>
        <source>{who}: refusing an unencrypted http:// address; use https://</source>
        <translation>{who}: no se acepta una dirección http:// sin cifrar; use https://</translation>
    </message>
    <message>
        <source>The Bluesky server address must be a plain https:// address</source>
        <translation>La dirección del servidor de Bluesky debe ser una dirección https:// simple</translation>
    </message>
    <message>
        <source>{who}: the server sent no session</source>
        <translation>{who}: el servidor no envió ninguna sesión</translation>
    </message>
    <message>
        <source>{who}: the server sent an incomplete session</source>
        <translation>{who}: el servidor envió una sesión incompleta</translation>
    </message>
    <message>
        <source>{who}: the account is {status} on {host}</source>
        <translation>{who}: la cuenta está en estado «{status}» en {host}</translation>
    </message>
    <message>
        <source>{who}: no app password is stored; enter it again</source>
        <translation>{who}: no hay ninguna contraseña de aplicación guardada; escríbala de nuevo</translation>
    </message>
    <message>
        <source>{who}: too many sign-ins in five minutes; try again in {seconds} seconds</source>
        <translation>{who}: demasiados inicios de sesión en cinco minutos; vuelva a intentarlo en {seconds} segundos</translation>
    </message>
    <message>
        <source>{who}: the server keeps refusing the session; enter the app password again</source>
        <translation>{who}: el servidor sigue rechazando la sesión; escriba de nuevo la contraseña de aplicación</translation>
    </message>
    <message>
        <source>{who}: Posventa paused requests to stay under {host}'s limit; resuming in {seconds} seconds</source>
        <translation>{who}: Posventa pausó las peticiones para no superar el límite de {host}; se reanudan en {seconds} segundos</translation>
    </message>
    <message>
        <source>{who}: the server failed ({status}); try later</source>
        <translation>{who}: el servidor falló ({status}); inténtelo más tarde</translation>
    </message>
    <message>
        <source>{who}: the account asks for an email code; use an app password</source>
        <translation>{who}: la cuenta pide un código por correo; use una contraseña de aplicación</translation>
    </message>
    <message>
        <source>{who}: the account has been taken down</source>
        <translation>{who}: la cuenta ha sido retirada</translation>
    </message>
    <message>
        <source>{who}: app password rejected, re-enter it</source>
        <translation>{who}: contraseña de aplicación rechazada; escríbala de nuevo</translation>
    </message>
    <message>
        <source>{who}: the session was refused; enter the app password again</source>
        <translation>{who}: la sesión fue rechazada; escriba de nuevo la contraseña de aplicación</translation>
    </message>
    <message>
        <source>{who}: the server refused access ({detail}); check the account and its app password</source>
        <translation>{who}: el servidor denegó el acceso ({detail}); revise la cuenta y su contraseña de aplicación</translation>
    </message>
    <message>
        <source>{who}: that post or account does not exist any more</source>
        <translation>{who}: esa publicación o cuenta ya no existe</translation>
    </message>
    <message>
        <source>{who}: the post was refused: {detail}</source>
        <translation>{who}: la publicación fue rechazada: {detail}</translation>
    </message>
    <message>
        <source>{who}: the server sent an answer that is not JSON</source>
        <translation>{who}: el servidor envió una respuesta que no es JSON</translation>
    </message>
    <message>
        <source>{address} is not a web address; type the feed like https://blog.example/feed/</source>
        <translation>{address} no es una dirección web; escriba el feed así: https://blog.example/feed/</translation>
    </message>
    <message>
        <source>an empty address</source>
        <translation>una dirección vacía</translation>
    </message>
    <message>
        <source>A feed address must not contain a user name or password</source>
        <translation>La dirección de un feed no debe contener usuario ni contraseña</translation>
    </message>
    <message>
        <source>{who}: the site did not answer in time</source>
        <translation>{who}: el sitio no respondió a tiempo</translation>
    </message>
    <message>
        <source>{who}: the secure connection failed (the site's certificate was not accepted)</source>
        <translation>{who}: falló la conexión segura (no se aceptó el certificado del sitio)</translation>
    </message>
    <message>
        <source>{who}: the site's name could not be found</source>
        <translation>{who}: no se encontró el nombre del sitio</translation>
    </message>
    <message>
        <source>{who}: the site refused the connection</source>
        <translation>{who}: el sitio rechazó la conexión</translation>
    </message>
    <message>
        <source>{who}: could not connect to the site</source>
        <translation>{who}: no se pudo conectar con el sitio</translation>
    </message>
    <message>
        <source>{who}: the site redirects in a loop</source>
        <translation>{who}: el sitio redirige en bucle</translation>
    </message>
    <message>
        <source>{who}: the connection broke off before the whole answer came</source>
        <translation>{who}: la conexión se cortó antes de recibir la respuesta completa</translation>
    </message>
    <message>
        <source>{who}: the answer is larger than {size} MB; not read</source>
        <translation>{who}: la respuesta ocupa más de {size} MB; no se leyó</translation>
    </message>
    <message>
        <source>{who}: the stream sent an event larger than {size} MB; not read</source>
        <translation>{who}: el flujo envió un evento de más de {size} MB; no se leyó</translation>
    </message>
    <message>
        <source>{who}: {address} is not a web address</source>
        <translation>{who}: {address} no es una dirección web</translation>
    </message>
    <message>
        <source>{who}: the site refused access ({status})</source>
        <translation>{who}: el sitio denegó el acceso ({status})</translation>
    </message>
    <message>
        <source>{who}: the address does not exist on the site ({status})</source>
        <translation>{who}: la dirección no existe en el sitio ({status})</translation>
    </message>
    <message>
        <source>{who}: the site failed ({status}); try later</source>
        <translation>{who}: el sitio falló ({status}); inténtelo más tarde</translation>
    </message>
    <message>
        <source>{who}: the site redirected the request ({status})</source>
        <translation>{who}: el sitio redirigió la petición ({status})</translation>
    </message>
    <message>
        <source>{who}: the site refused the request ({status})</source>
        <translation>{who}: el sitio rechazó la petición ({status})</translation>
    </message>
    <message>
        <source>Feed {host}: nothing to read</source>
        <translation>Feed {host}: no hay nada que leer</translation>
    </message>
    <message>
        <source>Feed {host}: the site sent an empty answer instead of a feed</source>
        <translation>Feed {host}: el sitio envió una respuesta vacía en lugar de un feed</translation>
    </message>
    <message>
        <source>Feed {host}: the document could not be read</source>
        <translation>Feed {host}: no se pudo leer el documento</translation>
    </message>
    <message>
        <source>The Mastodon server address is empty</source>
        <translation>La dirección del servidor de Mastodon está vacía</translation>
    </message>
    <message>
        <source>{address} is not a web address (https://server.example)</source>
        <translation>{address} no es una dirección web (https://server.example)</translation>
    </message>
    <message>
        <source>The Mastodon server address must be a plain https:// address</source>
        <translation>La dirección del servidor de Mastodon debe ser una dirección https:// simple</translation>
    </message>
    <message>
        <source>{who}: a page link pointed to another server</source>
        <translation>{who}: un enlace de paginación apuntaba a otro servidor</translation>
    </message>
    <message>
        <source>{who}: the access token was rejected; sign in again</source>
        <translation>{who}: el token de acceso fue rechazado; vuelva a iniciar sesión</translation>
    </message>
    <message>
        <source>{who} refused the post: {detail}</source>
        <translation>{who} rechazó la publicación: {detail}</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>sin motivo indicado</translation>
    </message>
    <message>
        <source>{who} refused the request ({status}): {detail}</source>
        <translation>{who} rechazó la petición ({status}): {detail}</translation>
    </message>
    <message>
        <source>{who} refused the request ({status})</source>
        <translation>{who} rechazó la petición ({status})</translation>
    </message>
    <message>
        <source>{host} does not answer like a Mastodon server; check the address</source>
        <translation>{host} no responde como un servidor de Mastodon; revise la dirección</translation>
    </message>
    <message>
        <source>{who}: the app registration was not accepted; register again</source>
        <translation>{who}: no se aceptó el registro de la aplicación; regístrela de nuevo</translation>
    </message>
    <message>
        <source>{who}: the sign-in code was not accepted (expired, already used or mistyped); sign in again</source>
        <translation>{who}: no se aceptó el código de inicio de sesión (caducado, ya usado o mal escrito); vuelva a iniciar sesión</translation>
    </message>
    <message>
        <source>The authorization was declined on the server, so no account was added</source>
        <translation>La autorización se denegó en el servidor, así que no se añadió ninguna cuenta</translation>
    </message>
    <message>
        <source>The server did not authorize Posventa ({error})</source>
        <translation>El servidor no autorizó a Posventa ({error})</translation>
    </message>
    <message>
        <source>Paste the authorization code the server showed you</source>
        <translation>Pegue el código de autorización que le mostró el servidor</translation>
    </message>
    <message>
        <source>That address belongs to another sign-in; start again</source>
        <translation>Esa dirección pertenece a otro inicio de sesión; empiece de nuevo</translation>
    </message>
    <message>
        <source>That is not an authorization code; copy only the code shown</source>
        <translation>Eso no es un código de autorización; copie solo el código que se muestra</translation>
    </message>
    <message>
        <source>No answer came from the server in time; start again</source>
        <translation>El servidor no respondió a tiempo; empiece de nuevo</translation>
    </message>
    <message>
        <source>{who}: this server offers no streaming</source>
        <translation>{who}: este servidor no ofrece streaming</translation>
    </message>
    <message>
        <source>{who}: too many requests; streaming paused</source>
        <translation>{who}: demasiadas peticiones; streaming en pausa</translation>
    </message>
    <message>
        <source>{who}: the streaming server failed ({status})</source>
        <translation>{who}: falló el servidor de streaming ({status})</translation>
    </message>
    <message>
        <source>{who} refused the stream ({status})</source>
        <translation>{who} rechazó el streaming ({status})</translation>
    </message>
    <message>
        <source>{who}: the stream ended; reconnecting</source>
        <translation>{who}: el streaming terminó; reconectando</translation>
    </message>
    <message>
        <source>{who}: the server did not answer in time</source>
        <translation>{who}: el servidor no respondió a tiempo</translation>
    </message>
    <message>
        <source>{who}: the secure connection failed (the server's certificate was not accepted)</source>
        <translation>{who}: falló la conexión segura (no se aceptó el certificado del servidor)</translation>
    </message>
    <message>
        <source>{who}: the server name could not be found</source>
        <translation>{who}: no se encontró el nombre del servidor</translation>
    </message>
    <message>
        <source>{who}: the server refused the connection</source>
        <translation>{who}: el servidor rechazó la conexión</translation>
    </message>
    <message>
        <source>{who}: could not connect to the server</source>
        <translation>{who}: no se pudo conectar con el servidor</translation>
    </message>
    <message>
        <source>{who}: the connection broke off before the answer came</source>
        <translation>{who}: la conexión se cortó antes de recibir la respuesta</translation>
    </message>
    <message>
        <source>{who}: the server refused the request ({status}): {detail}</source>
        <translation>{who}: el servidor rechazó la petición ({status}): {detail}</translation>
    </message>
    <message>
        <source>{who}: the server refused the request ({status})</source>
        <translation>{who}: el servidor rechazó la petición ({status})</translation>
    </message>
    <message>
        <source>{who}: too many requests; try again {when}</source>
        <translation>{who}: demasiadas peticiones; vuelva a intentarlo {when}</translation>
    </message>
    <message>
        <source>in 1 second</source>
        <translation>en 1 segundo</translation>
    </message>
    <message>
        <source>in {n} seconds</source>
        <translation>en {n} segundos</translation>
    </message>
    <message>
        <source>in {n} minutes</source>
        <translation>en {n} minutos</translation>
    </message>
    <message>
        <source>in {n} hours</source>
        <translation>en {n} horas</translation>
    </message>
    <message>
        <source>{who}: the server sent JSON nested more than {depth} levels deep; not read</source>
        <translation>{who}: el servidor envió JSON anidado a más de {depth} niveles; no se leyó</translation>
    </message>
    <message>
        <source>{address} is not a web address; type the site like https://blog.example</source>
        <translation>{address} no es una dirección web; escriba el sitio así: https://blog.example</translation>
    </message>
    <message>
        <source>The WordPress address must be a plain https:// address</source>
        <translation>La dirección de WordPress debe ser una dirección https:// simple</translation>
    </message>
    <message>
        <source>{who}: refusing to send a password over unencrypted http://; use https://</source>
        <translation>{who}: no se envía una contraseña por http:// sin cifrar; use https://</translation>
    </message>
    <message>
        <source>{who}: the site's REST API has no wp/v2 (comments)</source>
        <translation>{who}: la API REST del sitio no tiene wp/v2 (comentarios)</translation>
    </message>
    <message>
        <source>the application password was rejected; re-enter it</source>
        <translation>la contraseña de aplicación fue rechazada; escríbala de nuevo</translation>
    </message>
    <message>
        <source>the site does not know that user name; check it</source>
        <translation>el sitio no conoce ese nombre de usuario; revíselo</translation>
    </message>
    <message>
        <source>the site does not know that user; check the user name</source>
        <translation>el sitio no conoce ese usuario; revise el nombre de usuario</translation>
    </message>
    <message>
        <source>application passwords are turned off on this site</source>
        <translation>las contraseñas de aplicación están desactivadas en este sitio</translation>
    </message>
    <message>
        <source>the site wants a signed-in user; re-enter the application password</source>
        <translation>el sitio exige un usuario con sesión iniciada; escriba de nuevo la contraseña de aplicación</translation>
    </message>
    <message>
        <source>comments are closed on that post</source>
        <translation>los comentarios están cerrados en esa publicación</translation>
    </message>
    <message>
        <source>that post is a draft and takes no comments</source>
        <translation>esa publicación es un borrador y no admite comentarios</translation>
    </message>
    <message>
        <source>that post is in the trash</source>
        <translation>esa publicación está en la papelera</translation>
    </message>
    <message>
        <source>that post does not exist any more</source>
        <translation>esa publicación ya no existe</translation>
    </message>
    <message>
        <source>the site refused the reply's text</source>
        <translation>el sitio rechazó el texto de la respuesta</translation>
    </message>
    <message>
        <source>the site wants a name and e-mail with each comment</source>
        <translation>el sitio exige un nombre y un correo con cada comentario</translation>
    </message>
    <message>
        <source>the site already has this exact reply</source>
        <translation>el sitio ya tiene exactamente esta respuesta</translation>
    </message>
    <message>
        <source>{who}: the site says replies are coming too fast; wait a minute</source>
        <translation>{who}: el sitio indica que llegan respuestas demasiado rápido; espere un minuto</translation>
    </message>
    <message>
        <source>{who}: the user may not post comments on this site{detail}</source>
        <translation>{who}: el usuario no puede publicar comentarios en este sitio{detail}</translation>
    </message>
    <message>
        <source>{who}: the user may not read this on this site{detail}</source>
        <translation>{who}: el usuario no puede leer esto en este sitio{detail}</translation>
    </message>
    <message>
        <source>{who}: that post or comment does not exist on the site</source>
        <translation>{who}: esa publicación o comentario no existe en el sitio</translation>
    </message>
    <message>
        <source>{who}: that address does not exist on the site</source>
        <translation>{who}: esa dirección no existe en el sitio</translation>
    </message>
    <message>
        <source>{who} refused the reply ({status}){detail}</source>
        <translation>{who} rechazó la respuesta ({status}){detail}</translation>
    </message>
    <message>
        <source>Allow access to your direct messages</source>
        <translation>Permitir el acceso a tus mensajes directos</translation>
    </message>
    <message>
        <source>direct messages</source>
        <translation>mensajes directos</translation>
    </message>
    <message>
        <source>{problem}; or add the account without direct messages.</source>
        <translation>{problem}; o añada la cuenta sin mensajes directos.</translation>
    </message>
    <message>
        <source>{who}: Bluesky has suspended direct messages for the brand account</source>
        <translation>{who}: Bluesky ha suspendido los mensajes directos de la cuenta de la marca</translation>
    </message>
    <message>
        <source>{who}: a direct message takes at most {limit} bytes</source>
        <translation>{who}: un mensaje directo admite como máximo {limit} bytes</translation>
    </message>
    <message>
        <source>{who}: a direct message takes at most {limit} characters</source>
        <translation>{who}: un mensaje directo admite como máximo {limit} caracteres</translation>
    </message>
    <message>
        <source>{who}: that conversation or person is not on Bluesky any more</source>
        <translation>{who}: esa conversación o esa persona ya no está en Bluesky</translation>
    </message>
    <message>
        <source>{who}: the brand account blocks this person; unblock them to send a message</source>
        <translation>{who}: la cuenta de la marca bloquea a esta persona; desbloquéela para enviarle un mensaje</translation>
    </message>
    <message>
        <source>{who}: the conversation is locked; no more messages can be sent to it</source>
        <translation>{who}: la conversación está bloqueada; ya no admite más mensajes</translation>
    </message>
    <message>
        <source>{who}: the message is empty</source>
        <translation>{who}: el mensaje está vacío</translation>
    </message>
    <message>
        <source>{who}: this app password has no access to direct messages; create a new one in Bluesky (Settings → Privacy and security → App passwords) with “{toggle}” ticked and enter it here</source>
        <translation>{who}: esta contraseña de aplicación no tiene acceso a los mensajes directos; cree una nueva en Bluesky (Ajustes → Privacidad y seguridad → Contraseñas de aplicación) con «{toggle}» marcado y escríbala aquí</translation>
    </message>
    <message>
        <source>{who}: this person blocks the brand account; no message can reach them</source>
        <translation>{who}: esta persona bloquea a la cuenta de la marca; ningún mensaje puede llegarle</translation>
    </message>
    <message>
        <source>{who}: this person does not accept direct messages</source>
        <translation>{who}: esta persona no acepta mensajes directos</translation>
    </message>
    <message>
        <source>{who}: this person only accepts direct messages from accounts they follow, and does not follow the brand</source>
        <translation>{who}: esta persona solo acepta mensajes directos de las cuentas que sigue, y no sigue a la marca</translation>
    </message>
    <message>
        <source>Copy the Client ID of your X app (X developer console, Keys and tokens) first</source>
        <translation>Copia primero el Client ID de tu app de X (consola de desarrolladores de X, Keys and tokens)</translation>
    </message>
    <message>
        <source>Paste the whole address the browser ended on (it has code= in it)</source>
        <translation>Pega la dirección completa en la que terminó el navegador (lleva code=)</translation>
    </message>
    <message>
        <source>Port {port} on this computer is taken, so X cannot send the approval back; close what uses it or choose another port (and register that callback in your X app)</source>
        <translation>El puerto {port} de este equipo está ocupado, así que X no puede devolver la aprobación; cierra lo que lo usa o elige otro puerto (y registra esa dirección de retorno en tu app de X)</translation>
    </message>
    <message>
        <source>The X API address must be a plain https:// address</source>
        <translation>La dirección de la API de X debe ser una dirección https:// simple</translation>
    </message>
    <message>
        <source>X: a watch term cannot be empty</source>
        <translation>X: un término vigilado no puede estar vacío</translation>
    </message>
    <message>
        <source>X: the watch {term} makes a search longer than {limit} characters; exclude fewer words</source>
        <translation>X: el término vigilado {term} da una búsqueda de más de {limit} caracteres; excluye menos palabras</translation>
    </message>
    <message>
        <source>X: {term} is not a hashtag X can search</source>
        <translation>X: {term} no es un hashtag que X pueda buscar</translation>
    </message>
    <message>
        <source>the read budget of {budget} posts this month is spent: keyword search stops until {day} (mentions keep coming)</source>
        <translation>el presupuesto de {budget} publicaciones leídas este mes está gastado: la búsqueda por palabras se detiene hasta el {day} (las menciones siguen llegando)</translation>
    </message>
    <message>
        <source>{address} is not a web address (https://api.x.com)</source>
        <translation>{address} no es una dirección web (https://api.x.com)</translation>
    </message>
    <message>
        <source>{n} of {budget} posts read from X this month</source>
        <translation>{n} de {budget} publicaciones leídas de X este mes</translation>
    </message>
    <message>
        <source>{n} posts read from X this month</source>
        <translation>{n} publicaciones leídas de X este mes</translation>
    </message>
    <message>
        <source>{who}: X keeps refusing the sign-in; sign in again</source>
        <translation>{who}: X sigue rechazando el inicio de sesión; vuelve a iniciar sesión</translation>
    </message>
    <message>
        <source>{who}: X no longer accepts this sign-in (expired or revoked); sign in again</source>
        <translation>{who}: X ya no acepta este inicio de sesión (caducado o revocado); vuelve a iniciar sesión</translation>
    </message>
    <message>
        <source>{who}: X refused access ({detail}); check the app&apos;s access and its permissions (read and write) in X&apos;s developer console</source>
        <translation>{who}: X denegó el acceso ({detail}); revisa el acceso de la app y sus permisos (lectura y escritura) en la consola de desarrolladores de X</translation>
    </message>
    <message>
        <source>{who}: X refused the post: {detail}</source>
        <translation>{who}: X rechazó la publicación: {detail}</translation>
    </message>
    <message>
        <source>{who}: X refused to renew the sign-in ({detail}); sign in again</source>
        <translation>{who}: X se negó a renovar el inicio de sesión ({detail}); vuelve a iniciar sesión</translation>
    </message>
    <message>
        <source>{who}: X renewed the sign-in without a token</source>
        <translation>{who}: X renovó el inicio de sesión sin dar un token</translation>
    </message>
    <message>
        <source>{who}: X says this account does not exist any more</source>
        <translation>{who}: X dice que esta cuenta ya no existe</translation>
    </message>
    <message>
        <source>{who}: X says this app&apos;s usage cap is spent ({detail}); raise it or buy credits in X&apos;s developer console</source>
        <translation>{who}: X dice que el límite de uso de esta app está agotado ({detail}); súbelo o compra créditos en la consola de desarrolladores de X</translation>
    </message>
    <message>
        <source>{who}: no access token is stored; sign in again</source>
        <translation>{who}: no hay ningún token de acceso guardado; vuelve a iniciar sesión</translation>
    </message>
    <message>
        <source>{who}: that is not an X post id</source>
        <translation>{who}: eso no es un identificador de publicación de X</translation>
    </message>
    <message>
        <source>{who}: the reply is {used} weighted characters; X takes {limit}</source>
        <translation>{who}: la respuesta ocupa {used} caracteres ponderados; X admite {limit}</translation>
    </message>
    <message>
        <source>{who}: the sign-in code was not accepted (expired, already used, or the app&apos;s Client ID or callback address do not match); sign in again</source>
        <translation>{who}: el código de inicio de sesión no se aceptó (caducado, ya usado, o el Client ID o la dirección de retorno de la app no coinciden); vuelve a iniciar sesión</translation>
    </message>
    <message>
        <source>Could not listen on 127.0.0.1:{port} for the browser's answer</source>
        <translation>No se pudo escuchar en 127.0.0.1:{port} la respuesta del navegador</translation>
    </message>
    <message>
        <source>Paste the whole address the browser ended on (it starts with {address})</source>
        <translation>Pegue la dirección completa en la que terminó el navegador (empieza por {address})</translation>
    </message>
    <message>
        <source>Port {port} on this computer is busy (another sign-in?); close what uses it, or register another port with the app and pass it</source>
        <translation>El puerto {port} de este equipo está ocupado (¿otro inicio de sesión?); cierre lo que lo usa, o registre otro puerto en la aplicación e indíquelo</translation>
    </message>
    <message>
        <source>Reddit gave no lasting sign-in (no refresh token); sign in again</source>
        <translation>Reddit no dio una sesión duradera (sin token de renovación); inicie sesión de nuevo</translation>
    </message>
    <message>
        <source>Reddit u/{name}: the account has no app client id; sign in again</source>
        <translation>Reddit u/{name}: la cuenta no tiene el id de cliente de la aplicación; inicie sesión de nuevo</translation>
    </message>
    <message>
        <source>That is not a Reddit client id (letters, digits, - and _, shown under the app's name at {page})</source>
        <translation>Eso no es un id de cliente de Reddit (letras, cifras, - y _, el que aparece bajo el nombre de la aplicación en {page})</translation>
    </message>
    <message>
        <source>The Reddit address must be a plain https:// address</source>
        <translation>La dirección de Reddit debe ser una dirección https:// sin más</translation>
    </message>
    <message>
        <source>The Reddit app's client id is empty; register an installed app at {page} and copy the id shown under its name</source>
        <translation>El id de cliente de la aplicación de Reddit está vacío; registre una aplicación instalada en {page} y copie el id que aparece bajo su nombre</translation>
    </message>
    <message>
        <source>{address} is not a web address ({example})</source>
        <translation>{address} no es una dirección web ({example})</translation>
    </message>
    <message>
        <source>{who}: Posventa never starts a private message on Reddit; it only answers messages sent to the brand</source>
        <translation>{who}: Posventa nunca inicia un mensaje privado en Reddit; solo responde a los mensajes enviados a la marca</translation>
    </message>
    <message>
        <source>{who}: Posventa paused requests to stay under Reddit's limit; resuming {when}</source>
        <translation>{who}: Posventa pausó las peticiones para no pasar el límite de Reddit; se reanudan {when}</translation>
    </message>
    <message>
        <source>{who}: Reddit asks the brand to wait before commenting again; try again in {seconds} seconds</source>
        <translation>{who}: Reddit pide a la marca que espere antes de volver a comentar; inténtelo de nuevo en {seconds} segundos</translation>
    </message>
    <message>
        <source>{who}: Reddit does not know this app's client id; check it at reddit.com/prefs/apps (an installed app, approved by Reddit)</source>
        <translation>{who}: Reddit no conoce el id de cliente de esta aplicación; revíselo en reddit.com/prefs/apps (una aplicación instalada, aprobada por Reddit)</translation>
    </message>
    <message>
        <source>{who}: Reddit keeps refusing the sign-in; sign in again</source>
        <translation>{who}: Reddit sigue rechazando la sesión; inicie sesión de nuevo</translation>
    </message>
    <message>
        <source>{who}: Reddit no longer accepts this sign-in (the app was removed or its access revoked); sign in again</source>
        <translation>{who}: Reddit ya no acepta esta sesión (se quitó la aplicación o se revocó su acceso); inicie sesión de nuevo</translation>
    </message>
    <message>
        <source>{who}: Reddit refused access ({detail})</source>
        <translation>{who}: Reddit denegó el acceso ({detail})</translation>
    </message>
    <message>
        <source>{who}: Reddit refused the sign-in ({error})</source>
        <translation>{who}: Reddit rechazó el inicio de sesión ({error})</translation>
    </message>
    <message>
        <source>{who}: no Reddit sign-in is stored; sign in again</source>
        <translation>{who}: no hay ninguna sesión de Reddit guardada; inicie sesión de nuevo</translation>
    </message>
    <message>
        <source>{who}: that is not a Reddit post, comment or message</source>
        <translation>{who}: eso no es una publicación, un comentario ni un mensaje de Reddit</translation>
    </message>
    <message>
        <source>{who}: that post, comment or account does not exist any more</source>
        <translation>{who}: esa publicación, comentario o cuenta ya no existe</translation>
    </message>
    <message>
        <source>{who}: the reply is empty</source>
        <translation>{who}: la respuesta está vacía</translation>
    </message>
    <message>
        <source>{who}: the reply is {n} characters; Reddit takes at most 10,000</source>
        <translation>{who}: la respuesta tiene {n} caracteres; Reddit admite como máximo 10.000</translation>
    </message>
    <message>
        <source>{who}: the reply was refused: {reason}</source>
        <translation>{who}: la respuesta fue rechazada: {reason}</translation>
    </message>
    <message>
        <source>{who}: the server did not say what it posted</source>
        <translation>{who}: el servidor no dijo qué publicó</translation>
    </message>
    <message>
        <source>{who}: the server sent no listing</source>
        <translation>{who}: el servidor no envió ningún listado</translation>
    </message>
    <message>
        <source>{who}: the server sent no token</source>
        <translation>{who}: el servidor no envió ningún token</translation>
    </message>
    <message>
        <source>{who}: the sign-in code was not accepted (expired, already used or for another address); sign in again</source>
        <translation>{who}: no se aceptó el código de inicio de sesión (caducado, ya usado o de otra dirección); inicie sesión de nuevo</translation>
    </message>
    <message>
        <source>{who}: the sign-in does not allow this; sign in again to grant Posventa's permissions</source>
        <translation>{who}: la sesión no permite esto; inicie sesión de nuevo para conceder los permisos de Posventa</translation>
    </message>
    <message>
        <source>the reply is longer than Reddit allows (10,000 characters)</source>
        <translation>la respuesta es más larga de lo que admite Reddit (10.000 caracteres)</translation>
    </message>
    <message>
        <source>the thread is locked: Reddit takes no more comments in it</source>
        <translation>el hilo está bloqueado: Reddit no admite más comentarios en él</translation>
    </message>
    <message>
        <source>the post is archived: Reddit takes no more comments in it</source>
        <translation>la publicación está archivada: Reddit no admite más comentarios en ella</translation>
    </message>
    <message>
        <source>the comment was deleted</source>
        <translation>el comentario se eliminó</translation>
    </message>
    <message>
        <source>the author blocked the brand account (or the brand blocked them)</source>
        <translation>el autor bloqueó a la cuenta de la marca (o la marca lo bloqueó)</translation>
    </message>
    <message>
        <source>the reply is empty</source>
        <translation>la respuesta está vacía</translation>
    </message>
    <message>
        <source>Feed {host}: the address does not give an RSS or Atom feed, so it cannot be read. Check the feed&apos;s address in File ▸ Accounts.</source>
        <translation>Feed {host}: la dirección no da un feed RSS ni Atom, así que no se puede leer. Revise la dirección del feed en Archivo ▸ Cuentas.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>characters</source>
        <translation>caracteres</translation>
    </message>
    <message>
        <source>characters (graphemes)</source>
        <translation>caracteres (grafemas)</translation>
    </message>
    <message>
        <source>weighted characters</source>
        <translation>caracteres ponderados</translation>
    </message>
</context>
<context>
    <name>ComposerController</name>
    <message>
        <source>Reply to %1 on %2</source>
        <translation>Responder a %1 en %2</translation>
    </message>
    <message>
        <source> · The reply window closes %1.</source>
        <translation> · El plazo para responder termina %1.</translation>
    </message>
    <message>
        <source>Copy and open in browser</source>
        <translation>Copiar y abrir en el navegador</translation>
    </message>
    <message>
        <source>Send  (Ctrl+Enter)</source>
        <translation>Enviar  (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>This channel does not allow a reply here.</source>
        <translation>Este canal no permite responder aquí.</translation>
    </message>
    <message>
        <source>This channel cannot take replies from here: the button copies the reply and opens the post in the browser to paste it; the reply is recorded as sent.</source>
        <translation>Este canal no acepta respuestas desde aquí: el botón copia la respuesta y abre la publicación en el navegador para pegarla; la respuesta queda registrada como enviada.</translation>
    </message>
    <message>
        <source>Select a mention to reply.</source>
        <translation>Seleccione una mención para responder.</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>No se pudo guardar el borrador: %1</translation>
    </message>
    <message>
        <source>Variables: %1</source>
        <translation>Variables: %1</translation>
    </message>
    <message>
        <source>%1 over</source>
        <translation>%1 de más</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>quedan %1</translation>
    </message>
    <message>
        <source>{used} of {limit} {unit}</source>
        <translation>{used} de {limit} {unit}</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Rellenar</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Insertar</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>No enviada: %1</translation>
    </message>
    <message>
        <source>Not sent: this post has no web address to open; copy the reply by hand.</source>
        <translation>No enviada: esta publicación no tiene dirección web que abrir; copie la respuesta a mano.</translation>
    </message>
    <message>
        <source>The reply is on the clipboard and the post is open in the browser: paste it there. It is recorded as sent.</source>
        <translation>La respuesta está en el portapapeles y la publicación abierta en el navegador: péguela allí. Queda registrada como enviada.</translation>
    </message>
    <message>
        <source>The reply window of this channel (%1 after the customer&apos;s message) closed on %2.</source>
        <translation>El plazo para responder en este canal (%1 después del mensaje del cliente) terminó el %2.</translation>
    </message>
</context>
<context>
    <name>ComposerView</name>
    <message>
        <source>Reply text</source>
        <translation>Texto de la respuesta</translation>
    </message>
    <message>
        <source>Write a reply…  Type / and a shortcut for a canned reply.  (Ctrl+Enter sends)</source>
        <translation>Escriba una respuesta…  Escriba / y un atajo para una respuesta predefinida.  (Ctrl+Intro envía)</translation>
    </message>
    <message>
        <source>Preview of the reply as it will be posted</source>
        <translation>Vista previa de la respuesta tal como se publicará</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Escribir</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Reply visibility</source>
        <translation>Visibilidad de la respuesta</translation>
    </message>
    <message>
        <source>Variables of the reply</source>
        <translation>Variables de la respuesta</translation>
    </message>
    <message>
        <source>Characters left</source>
        <translation>Caracteres restantes</translation>
    </message>
    <message>
        <source>Canned replies…</source>
        <translation>Respuestas predefinidas…</translation>
    </message>
    <message>
        <source>Insert saved answers (Ctrl+/), or type / and a shortcut</source>
        <translation>Insertar respuestas guardadas (Ctrl+/), o escriba / y un atajo</translation>
    </message>
    <message>
        <source>Fill variables…</source>
        <translation>Rellenar variables…</translation>
    </message>
    <message>
        <source>Send  (Ctrl+Enter)</source>
        <translation>Enviar  (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Enviar respuesta</translation>
    </message>
    <message>
        <source>Composer message</source>
        <translation>Mensaje del editor de respuestas</translation>
    </message>
    <message>
        <source>Continue in private: send it as a direct message to the author</source>
        <translation>Seguir en privado: enviarlo como mensaje directo al autor</translation>
    </message>
    <message>
        <source>The author accepts direct messages from the brand: the reply leaves as a private message instead of a public reply.</source>
        <translation>El autor acepta mensajes directos de la marca: la respuesta sale como mensaje privado en lugar de una respuesta pública.</translation>
    </message>
</context>
<context>
    <name>ConditionRow</name>
    <message>
        <source>Condition</source>
        <translation>Condición</translation>
    </message>
    <message>
        <source>Condition value</source>
        <translation>Valor de la condición</translation>
    </message>
    <message>
        <source>not</source>
        <translation>no</translation>
    </message>
    <message>
        <source>The rule needs this condition to be false</source>
        <translation>La regla necesita que esta condición sea falsa</translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation>Quitar condición</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>{title}: {text}</source>
        <translation>{title}: {text}</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <source>the text is empty</source>
        <translation>el texto está vacío</translation>
    </message>
    <message>
        <source>the author is empty</source>
        <translation>el autor está vacío</translation>
    </message>
    <message>
        <source>the date {value} is not a date</source>
        <translation>la fecha {value} no es una fecha</translation>
    </message>
    <message>
        <source>the date is empty</source>
        <translation>la fecha está vacía</translation>
    </message>
    <message>
        <source>the status {value} is unknown</source>
        <translation>el estado {value} es desconocido</translation>
    </message>
    <message>
        <source>same post as line {line}</source>
        <translation>misma publicación que la línea {line}</translation>
    </message>
    <message>
        <source>already in the workspace</source>
        <translation>ya está en el espacio de trabajo</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Author handle</source>
        <translation>Usuario del autor</translation>
    </message>
    <message>
        <source>Author name</source>
        <translation>Nombre del autor</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>Post id</source>
        <translation>Id. de la publicación</translation>
    </message>
    <message>
        <source>In reply to (post id)</source>
        <translation>En respuesta a (id. de la publicación)</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>unknown field {field}; use one of {fields}</source>
        <translation>campo desconocido {field}; use uno de estos: {fields}</translation>
    </message>
    <message>
        <source>the file has no column {column} (for {field}); its columns are {columns}</source>
        <translation>el archivo no tiene la columna {column} (para {field}); sus columnas son {columns}</translation>
    </message>
    <message>
        <source>choose a column for {fields}</source>
        <translation>elija una columna para {fields}</translation>
    </message>
    <message>
        <source>choose a channel column or a channel name</source>
        <translation>elija una columna de canal o un nombre de canal</translation>
    </message>
    <message>
        <source>could not read {file}: {error}</source>
        <translation>no se pudo leer {file}: {error}</translation>
    </message>
    <message>
        <source>{file} is not a text CSV file (UTF-16 or binary); save it as CSV UTF-8</source>
        <translation>{file} no es un archivo CSV de texto (es UTF-16 o binario); guárdelo como CSV UTF-8</translation>
    </message>
    <message>
        <source>{file} is empty</source>
        <translation>{file} está vacío</translation>
    </message>
</context>
<context>
    <name>CustomerDialogs</name>
    <message>
        <source>no customer yet</source>
        <translation>aún sin cliente</translation>
    </message>
</context>
<context>
    <name>ExportCasesController</name>
    <message>
        <source>Save case file</source>
        <translation>Guardar archivo de casos</translation>
    </message>
    <message>
        <source>Posventa case files (*{suffix});;All files (*)</source>
        <translation>Archivos de casos de Posventa (*{suffix});;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>export the cases</source>
        <translation>exportar los casos</translation>
    </message>
    <message>
        <source>Saved {cases} cases and {mentions} mentions to {name}.</source>
        <translation>Casos guardados: {cases}; menciones: {mentions}; en {name}.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>ExportCasesDialog</name>
    <message>
        <source>Export cases</source>
        <translation>Exportar casos</translation>
    </message>
    <message>
        <source>The current case (#{number})</source>
        <translation>El caso actual (n.º {number})</translation>
    </message>
    <message>
        <source>The current case (select a mention in a case)</source>
        <translation>El caso actual (seleccionar una mención que esté en un caso)</translation>
    </message>
    <message>
        <source>The cases of the current search: {text}</source>
        <translation>Los casos de la búsqueda actual: {text}</translation>
    </message>
    <message>
        <source>The cases of the current search (none typed)</source>
        <translation>Los casos de la búsqueda actual (no hay búsqueda escrita)</translation>
    </message>
    <message>
        <source>Every case active since:</source>
        <translation>Todos los casos activos desde:</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>the search “%1”</source>
        <translation>la búsqueda «%1»</translation>
    </message>
    <message>
        <source>Exports every mention of the current feed view%1.</source>
        <translation>Exporta todas las menciones de la vista actual del feed%1.</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Elija un archivo de destino.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>La carpeta %1 no existe.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>export the view</source>
        <translation>exportar la vista</translation>
    </message>
    <message>
        <source>Exported %1 mentions to %2.</source>
        <translation>Se exportaron %1 menciones a %2.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Posventa report</source>
        <translation>Informe de Posventa</translation>
    </message>
    <message>
        <source>could not write the PDF to {file}</source>
        <translation>no se pudo escribir el PDF en {file}</translation>
    </message>
    <message>
        <source>could not write the PDF to {file}: {error}</source>
        <translation>no se pudo escribir el PDF en {file}: {error}</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>Exportar vista</translation>
    </message>
    <message>
        <source>CSV (spreadsheet)</source>
        <translation>CSV (hoja de cálculo)</translation>
    </message>
    <message>
        <source>JSON lines</source>
        <translation>JSON por líneas</translation>
    </message>
    <message>
        <source>Printable HTML report</source>
        <translation>Informe HTML imprimible</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>Informe PDF</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
</context>
<context>
    <name>FeedForm</name>
    <message>
        <source>https://blog.example/feed/</source>
        <translation>https://blog.example/feed/</translation>
    </message>
    <message>
        <source>Feed address</source>
        <translation>Dirección del feed</translation>
    </message>
    <message>
        <source>Equipo Ventalia</source>
        <translation>Equipo Ventalia</translation>
    </message>
    <message>
        <source>The brand's name on that blog</source>
        <translation>El nombre de la marca en ese blog</translation>
    </message>
    <message>
        <source>This is the brand's own blog: every comment is a mention</source>
        <translation>Es el blog propio de la marca: cada comentario es una mención</translation>
    </message>
    <message>
        <source>Read the feed and add</source>
        <translation>Leer el feed y añadir</translation>
    </message>
    <message>
        <source>Feed message</source>
        <translation>Mensaje del feed</translation>
    </message>
    <message>
        <source>Brand signs as</source>
        <translation>La marca firma como</translation>
    </message>
    <message>
        <source>Any RSS or Atom feed: a company blog, a review site, a Blogger blog (https://NAME.blogspot.com/feeds/posts/default). On other blogs, only posts and comments matching a watch become mentions. Feeds take no replies: the console opens the post in the browser with the reply on the clipboard.</source>
        <translation>Cualquier feed RSS o Atom: un blog de empresa, un sitio de reseñas, un blog de Blogger (https://NOMBRE.blogspot.com/feeds/posts/default). En otros blogs, solo las publicaciones y los comentarios que coinciden con un seguimiento se convierten en menciones. Los feeds no admiten respuestas: la consola abre la publicación en el navegador con la respuesta en el portapapeles.</translation>
    </message>
    <message>
        <source>add the feed</source>
        <translation>añadir el feed</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
</context>
<context>
    <name>FeedKeys</name>
    <message>
        <source>Select a mention first.</source>
        <translation>Primero, seleccionar una mención.</translation>
    </message>
    <message>
        <source>This mention has no case to assign; open one in the case panel first.</source>
        <translation>Esta mención no tiene ningún caso que asignar; primero, abrir uno en el panel del caso.</translation>
    </message>
    <message>
        <source>Case closed.</source>
        <translation>Caso cerrado.</translation>
    </message>
    <message>
        <source>The case is already closed.</source>
        <translation>El caso ya está cerrado.</translation>
    </message>
    <message>
        <source>Could not close the mention: {0}</source>
        <translation>No se pudo cerrar la mención: {0}</translation>
    </message>
    <message>
        <source>Mention marked closed.</source>
        <translation>Mención marcada como cerrada.</translation>
    </message>
</context>
<context>
    <name>FeedModel</name>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>Sentimiento</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>priority {priority}: {reasons}
sentiment {score}, reason: {reason}</source>
        <translation>prioridad {priority}: {reasons}
sentimiento {score}, motivo: {reason}</translation>
    </message>
    <message>
        <source>Not in a case</source>
        <translation>Sin caso</translation>
    </message>
    <message>
        <source>Priority {0}: {1}</source>
        <translation>Prioridad {0}: {1}</translation>
    </message>
</context>
<context>
    <name>FeedPane</name>
    <message>
        <source>newest first</source>
        <translation>más recientes primero</translation>
    </message>
    <message>
        <source>priority first</source>
        <translation>prioridad primero</translation>
    </message>
    <message>
        <source>all mentions</source>
        <translation>todas las menciones</translation>
    </message>
    <message>
        <source>my cases</source>
        <translation>mis casos</translation>
    </message>
    <message>
        <source>unassigned cases</source>
        <translation>casos sin asignar</translation>
    </message>
    <message>
        <source>breaching soon</source>
        <translation>a punto de incumplir</translation>
    </message>
    <message>
        <source>waiting on customer</source>
        <translation>en espera del cliente</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>any status</source>
        <translation>cualquier estado</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>any channel</source>
        <translation>cualquier canal</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>any source</source>
        <translation>cualquier origen</translation>
    </message>
    <message>
        <source>Show hidden</source>
        <translation>Mostrar ocultas</translation>
    </message>
    <message>
        <source>Also show posts hidden as spam or marked not relevant (never deleted)</source>
        <translation>Mostrar también las publicaciones ocultas como spam o marcadas como no relevantes (nunca se borran)</translation>
    </message>
    <message>
        <source>Show hidden posts</source>
        <translation>Mostrar publicaciones ocultas</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Search mentions  (Ctrl+F or /)</source>
        <translation>Buscar menciones  (Ctrl+F o /)</translation>
    </message>
    <message>
        <source>Search mentions</source>
        <translation>Buscar menciones</translation>
    </message>
    <message>
        <source>Mention feed</source>
        <translation>Lista de menciones</translation>
    </message>
    <message>
        <source>Mentions of the brand, newest first. Enter opens the reply composer.</source>
        <translation>Menciones de la marca, las más recientes primero. Intro abre el editor de respuesta.</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
</context>
<context>
    <name>FoldSection</name>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
</context>
<context>
    <name>ImportCaseFileController</name>
    <message>
        <source>read the case file</source>
        <translation>leer el archivo de casos</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <source>import the case file</source>
        <translation>importar el archivo de casos</translation>
    </message>
    <message numerus="yes">
        <source>Imported: %n new rows.</source>
        <translation><numerusform>Importado: %n fila nueva.</numerusform><numerusform>Importado: %n filas nuevas.</numerusform></translation>
    </message>
    <message>
        <source>Nothing new: everything in the case file was already here.</source>
        <translation>Nada nuevo: todo lo del archivo de casos ya estaba aquí.</translation>
    </message>
    <message>
        <source>This file cannot be imported.</source>
        <translation>Este archivo no se puede importar.</translation>
    </message>
</context>
<context>
    <name>ImportCaseFileDialog</name>
    <message>
        <source>Import case file</source>
        <translation>Importar archivo de casos</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>What the import added</source>
        <translation>Lo que añadió la importación</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import CSV</source>
        <translation>Importar CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Leyendo el archivo…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulador</translation>
    </message>
    <message>
        <source>read the CSV file</source>
        <translation>leer el archivo CSV</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) · encoding %1 · delimiter %2</source>
        <translation><numerusform>%n columna · codificación %1 · separador %2</numerusform><numerusform>%n columnas · codificación %1 · separador %2</numerusform></translation>
    </message>
    <message>
        <source>Check the columns, then run a dry run.</source>
        <translation>Revise las columnas y después haga una prueba sin importar.</translation>
    </message>
    <message>
        <source>Choose a CSV file first.</source>
        <translation>Primero elija un archivo CSV.</translation>
    </message>
    <message>
        <source>Choose a column for: %1.</source>
        <translation>Elija una columna para: %1.</translation>
    </message>
    <message>
        <source>Choose a channel column or type a channel name.</source>
        <translation>Elija una columna de canal o escriba un nombre de canal.</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Comprobando cada fila…</translation>
    </message>
    <message>
        <source>check the CSV file</source>
        <translation>comprobar el archivo CSV</translation>
    </message>
    <message>
        <source>%1 rows: %2 to import, %3 duplicates, %4 rejected. Nothing was written yet.</source>
        <translation>%1 filas: %2 para importar, %3 duplicadas, %4 rechazadas. Aún no se ha guardado nada.</translation>
    </message>
    <message>
        <source>line %1: rejected: %2</source>
        <translation>línea %1: rechazada: %2</translation>
    </message>
    <message>
        <source>line %1: duplicate: %2</source>
        <translation>línea %1: duplicada: %2</translation>
    </message>
    <message>
        <source>import the CSV file</source>
        <translation>importar el archivo CSV</translation>
    </message>
    <message>
        <source>Imported %1 mentions (%2 were already there).</source>
        <translation>Se importaron %1 menciones (%2 ya estaban).</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import CSV history</source>
        <translation>Importar historial CSV</translation>
    </message>
    <message>
        <source>A CSV file exported from another tool</source>
        <translation>Un archivo CSV exportado desde otra herramienta</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>Channel name when no column gives it</source>
        <translation>Nombre del canal si ninguna columna lo indica</translation>
    </message>
    <message>
        <source>Open cases for complaints and direct messages</source>
        <translation>Abrir casos para quejas y mensajes directos</translation>
    </message>
    <message>
        <source>Leave this off for past conversations already handled in the other tool: they are stored, triaged and searchable, and open no case. Turn it on for an export of conversations still waiting for an answer.</source>
        <translation>Déjelo desmarcado para conversaciones pasadas que ya se atendieron en la otra herramienta: se guardan, se clasifican y se pueden buscar, pero no abren casos. Márquelo para una exportación de conversaciones que aún esperan respuesta.</translation>
    </message>
    <message>
        <source>First rows</source>
        <translation>Primeras filas</translation>
    </message>
    <message>
        <source>Check (dry run)</source>
        <translation>Comprobar (sin importar)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>queued</source>
        <translation>en cola</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>enviando…</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviada</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallida</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nueva</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierta</translation>
    </message>
    <message>
        <source>replied</source>
        <translation>respondida</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrada</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>ignorada</translation>
    </message>
    <message>
        <source>mention</source>
        <translation>mención</translation>
    </message>
    <message>
        <source>keyword</source>
        <translation>palabra clave</translation>
    </message>
    <message>
        <source>hashtag</source>
        <translation>hashtag</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>mensaje directo</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>comentario</translation>
    </message>
    <message>
        <source>mastodon</source>
        <translation>mastodon</translation>
    </message>
    <message>
        <source>bluesky</source>
        <translation>bluesky</translation>
    </message>
    <message>
        <source>feed</source>
        <translation>fuente RSS</translation>
    </message>
    <message>
        <source>wordpress</source>
        <translation>wordpress</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>reddit</source>
        <translation>reddit</translation>
    </message>
    <message>
        <source>sandbox</source>
        <translation>entorno de pruebas</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>urgente</translation>
    </message>
    <message>
        <source>high</source>
        <translation>alta</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>low</source>
        <translation>baja</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negativo</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutro</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positivo</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message>
        <source>{n} min ago</source>
        <translation>hace {n} min</translation>
    </message>
    <message>
        <source>{n} h ago</source>
        <translation>hace {n} h</translation>
    </message>
    <message>
        <source>▼ complaint {score}</source>
        <translation>▼ queja {score}</translation>
    </message>
    <message>
        <source>▼ negative</source>
        <translation>▼ negativo</translation>
    </message>
    <message>
        <source>▲ positive</source>
        <translation>▲ positivo</translation>
    </message>
    <message>
        <source>Direct message: only the people in the conversation see this reply.</source>
        <translation>Mensaje directo: solo las personas de la conversación ven esta respuesta.</translation>
    </message>
    <message>
        <source>Followers only: only followers see this reply.</source>
        <translation>Solo seguidores: solo los seguidores ven esta respuesta.</translation>
    </message>
    <message>
        <source>Unlisted: public, but kept out of public timelines.</source>
        <translation>No listada: pública, pero fuera de las cronologías públicas.</translation>
    </message>
    <message>
        <source>Public reply: anyone can see it.</source>
        <translation>Respuesta pública: cualquiera puede verla.</translation>
    </message>
</context>
<context>
    <name>LinkCustomerDialog</name>
    <message>
        <source>Link to customer</source>
        <translation>Vincular a un cliente</translation>
    </message>
    <message>
        <source>Link %1 to a customer, or to another account (a new customer is then created for both).</source>
        <translation>Vincule %1 a un cliente o a otra cuenta (en ese caso se crea un cliente nuevo para ambas).</translation>
    </message>
    <message>
        <source>Name or handle, e.g. lucia or @lmendez</source>
        <translation>Nombre o usuario, p. ej. lucia o @lmendez</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Vincular</translation>
    </message>
    <message>
        <source>New customer with this account only</source>
        <translation>Cliente nuevo solo con esta cuenta</translation>
    </message>
</context>
<context>
    <name>MainController</name>
    <message>
        <source>That mention is not in the feed as filtered; set the filters to “all”.</source>
        <translation>Esa mención no aparece en la lista con los filtros actuales; quitar los filtros para verla.</translation>
    </message>
    <message>
        <source>Syncing every account now…</source>
        <translation>Sincronizando todas las cuentas ahora…</translation>
    </message>
    <message>
        <source>About Posventa</source>
        <translation>Acerca de Posventa</translation>
    </message>
    <message>
        <source>Posventa {version}

A console for proactive social customer care: see what people say about the brand, complaints first, and answer where they spoke.</source>
        <translation>Posventa {version}

Una consola de atención proactiva al cliente en redes sociales: ver lo que la gente dice de la marca, con las quejas primero, y responder allí donde habló.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Posventa — {workspace}</source>
        <translation>Posventa — {workspace}</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Cuentas…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>&amp;Actualizar ahora</translation>
    </message>
    <message>
        <source>Focus &amp;search</source>
        <translation>Ir a la &amp;búsqueda</translation>
    </message>
    <message>
        <source>&amp;About Posventa</source>
        <translation>Acerca &amp;de Posventa</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Export view…</source>
        <translation>&amp;Exportar vista…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importar CSV…</translation>
    </message>
    <message>
        <source>Export &amp;cases…</source>
        <translation>Exportar cas&amp;os…</translation>
    </message>
    <message>
        <source>&amp;Open case file…</source>
        <translation>&amp;Abrir archivo de casos…</translation>
    </message>
    <message>
        <source>Import case &amp;file…</source>
        <translation>Importar a&amp;rchivo de casos…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Re&amp;ports…</source>
        <translation>&amp;Informes…</translation>
    </message>
    <message>
        <source>&amp;Canned replies…</source>
        <translation>&amp;Respuestas predefinidas…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Rules…</source>
        <translation>Re&amp;glas…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Ajustes…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Estado de la sincronización</translation>
    </message>
    <message>
        <source>No mention selected</source>
        <translation>Ninguna mención seleccionada</translation>
    </message>
    <message>
        <source>Choose a mention in the feed to read its thread and answer it here. Enter opens the reply box; “/” searches.</source>
        <translation>Elija una mención de la lista para leer su hilo y responderla aquí. Intro abre el cuadro de respuesta; «/» busca.</translation>
    </message>
    <message>
        <source>Case and person</source>
        <translation>Caso y persona</translation>
    </message>
    <message>
        <source>The selected mention&apos;s case and who wrote it appear here: their other posts, accounts and notes.</source>
        <translation>Aquí aparecen el caso de la mención seleccionada y quién la escribió: sus otras publicaciones, cuentas y notas.</translation>
    </message>
    <message>
        <source>&amp;Team database…</source>
        <translation>Base de datos del &amp;equipo…</translation>
    </message>
</context>
<context>
    <name>MastodonForm</name>
    <message>
        <source>mastodon.social</source>
        <translation>mastodon.social</translation>
    </message>
    <message>
        <source>Mastodon server</source>
        <translation>Servidor de Mastodon</translation>
    </message>
    <message>
        <source>Type the server your brand account is on. Posventa opens its sign-in page in your browser; approve there and this window continues by itself.</source>
        <translation>Escriba el servidor en el que está la cuenta de la marca. Posventa abre su página de inicio de sesión en el navegador; autorice allí y esta ventana continuará sola.</translation>
    </message>
    <message>
        <source>Advanced: paste an access token instead</source>
        <translation>Avanzado: pegar un token de acceso</translation>
    </message>
    <message>
        <source>Preferences ▸ Development ▸ your application</source>
        <translation>Preferencias ▸ Desarrollo ▸ su aplicación</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>No browser on this computer, or it cannot come back here? Open this page on any device, approve, and paste the code it shows:</source>
        <translation>¿No hay navegador en este equipo o no puede volver aquí? Abra esta página en cualquier dispositivo, autorice y pegue el código que muestra:</translation>
    </message>
    <message>
        <source>Page that shows a sign-in code</source>
        <translation>Página que muestra un código de inicio de sesión</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>authorization code</source>
        <translation>código de autorización</translation>
    </message>
    <message>
        <source>Authorization code</source>
        <translation>Código de autorización</translation>
    </message>
    <message>
        <source>Use this code</source>
        <translation>Usar este código</translation>
    </message>
    <message>
        <source>Mastodon sign-in message</source>
        <translation>Mensaje del inicio de sesión en Mastodon</translation>
    </message>
    <message>
        <source>Registering Posventa on %1…</source>
        <translation>Registrando Posventa en %1…</translation>
    </message>
    <message>
        <source>reach the server</source>
        <translation>conectar con el servidor</translation>
    </message>
    <message>
        <source>Your browser opened the sign-in page of %1. Approve Posventa there; this window continues by itself.</source>
        <translation>El navegador abrió la página de inicio de sesión de %1. Autorice allí a Posventa; esta ventana continuará sola.</translation>
    </message>
    <message>
        <source>Link copied.</source>
        <translation>Enlace copiado.</translation>
    </message>
    <message>
        <source>Checking the code with %1…</source>
        <translation>Comprobando el código con %1…</translation>
    </message>
    <message>
        <source>Signed in as @%1.</source>
        <translation>Sesión iniciada como @%1.</translation>
    </message>
    <message>
        <source>Checking the token with %1…</source>
        <translation>Comprobando el token con %1…</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge customers</source>
        <translation>Fusionar clientes</translation>
    </message>
    <message>
        <source>The other customer: name or handle</source>
        <translation>El otro cliente: nombre o usuario</translation>
    </message>
    <message>
        <source>Keep #%1 “%2”; merge the other into it</source>
        <translation>Conservar #%1 «%2» y fusionar el otro con él</translation>
    </message>
    <message>
        <source>Keep the other customer; merge #%1 into it</source>
        <translation>Conservar el otro cliente y fusionar #%1 con él</translation>
    </message>
    <message>
        <source>What will move</source>
        <translation>Qué se traslada</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionar</translation>
    </message>
    <message>
        <source>What will move:</source>
        <translation>Qué se traslada:</translation>
    </message>
    <message>
        <source>Pick the other customer first.</source>
        <translation>Primero elija el otro cliente.</translation>
    </message>
</context>
<context>
    <name>MergeHistoryDialog</name>
    <message>
        <source>Merge history</source>
        <translation>Historial de fusiones</translation>
    </message>
    <message>
        <source>Merges</source>
        <translation>Fusiones</translation>
    </message>
    <message>
        <source>Undo this merge</source>
        <translation>Deshacer esta fusión</translation>
    </message>
    <message>
        <source>undone %1</source>
        <translation>deshecha %1</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>vigente</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation><numerusform>%n cuenta</numerusform><numerusform>%n cuentas</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation><numerusform>%n nota</numerusform><numerusform>%n notas</numerusform></translation>
    </message>
    <message>
        <source>Merge #%1 undone: customer #%2 is back.</source>
        <translation>Fusión #%1 deshecha: el cliente #%2 vuelve a existir.</translation>
    </message>
</context>
<context>
    <name>MoodMarks</name>
    <message>
        <source>Mood per period</source>
        <translation>Ánimo por periodo</translation>
    </message>
    <message numerus="yes">
        <source>%n negative</source>
        <translation><numerusform>%n negativa</numerusform><numerusform>%n negativas</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n neutral</source>
        <translation><numerusform>%n neutra</numerusform><numerusform>%n neutras</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n positive</source>
        <translation><numerusform>%n positiva</numerusform><numerusform>%n positivas</numerusform></translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>the mention or its account no longer exists</source>
        <translation>la mención o su cuenta ya no existe</translation>
    </message>
    <message>
        <source>could not re-read the thread: {error}</source>
        <translation>no se pudo volver a leer el hilo: {error}</translation>
    </message>
    <message>
        <source>from another Posventa console</source>
        <translation>desde otra consola de Posventa</translation>
    </message>
    <message>
        <source>outside Posventa</source>
        <translation>fuera de Posventa</translation>
    </message>
    <message>
        <source>outside Posventa, via {app}</source>
        <translation>fuera de Posventa, desde {app}</translation>
    </message>
    <message>
        <source>by {agent}</source>
        <translation>por {agent}</translation>
    </message>
    <message>
        <source>The brand already replied at {time} ({who}) since you opened this conversation.</source>
        <translation>La marca ya respondió a las {time} ({who}) después de que usted abriera esta conversación.</translation>
    </message>
    <message>
        <source>could not check whether the earlier attempt was posted: {error}</source>
        <translation>no se pudo comprobar si el intento anterior se publicó: {error}</translation>
    </message>
    <message>
        <source>The earlier attempt may have been posted and this network cannot be checked: look at the thread, then send anyway or discard.</source>
        <translation>Puede que el intento anterior se publicara y esta red no permite comprobarlo: mira el hilo y después envíala igualmente o descártala.</translation>
    </message>
    <message>
        <source>the database lost its latest changes ({file} was deleted); looking on the network before sending</source>
        <translation>la base de datos perdió sus últimos cambios (se borró {file}); se busca en la red antes de enviar</translation>
    </message>
</context>
<context>
    <name>OutboxBar</name>
    <message>
        <source>Reply status</source>
        <translation>Estado de la respuesta</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Undo send</source>
        <translation>Deshacer envío</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Enviar de todos modos</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Do not send this reply: it leaves the outbox.</source>
        <translation>No enviar esta respuesta: sale de la bandeja de salida.</translation>
    </message>
    <message>
        <source>Cancel the reply</source>
        <translation>Cancelar la respuesta</translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <source>There is no customer {id}.</source>
        <translation>No existe el cliente {id}.</translation>
    </message>
    <message>
        <source>Customer {id} was merged into customer {survivor} (merge #{merge}); use customer {survivor}.</source>
        <translation>El cliente {id} se fusionó con el cliente {survivor} (fusión #{merge}); use el cliente {survivor}.</translation>
    </message>
    <message>
        <source>There is no author {id}.</source>
        <translation>No existe el autor {id}.</translation>
    </message>
    <message>
        <source>The customer's name is empty.</source>
        <translation>El nombre del cliente está vacío.</translation>
    </message>
    <message>
        <source>Name at least one author to link.</source>
        <translation>Indique al menos un autor para vincular.</translation>
    </message>
    <message>
        <source>An author already belongs to customer {other}; merge customer {other} into {id} instead.</source>
        <translation>Un autor ya pertenece al cliente {other}; fusione el cliente {other} con el {id}.</translation>
    </message>
    <message>
        <source>These authors belong to customers {first} and {second}; merge those customers instead.</source>
        <translation>Estos autores pertenecen a los clientes {first} y {second}; fusione esos clientes.</translation>
    </message>
    <message>
        <source>Author {id} (@{handle}) belongs to no customer.</source>
        <translation>El autor {id} (@{handle}) no pertenece a ningún cliente.</translation>
    </message>
    <message>
        <source>A tag cannot be empty.</source>
        <translation>Una etiqueta no puede estar vacía.</translation>
    </message>
    <message>
        <source>A customer cannot be merged into itself.</source>
        <translation>Un cliente no se puede fusionar consigo mismo.</translation>
    </message>
    <message>
        <source>There is no merge #{id}.</source>
        <translation>No existe la fusión #{id}.</translation>
    </message>
    <message>
        <source>Merge #{id} was already undone.</source>
        <translation>La fusión #{id} ya se deshizo.</translation>
    </message>
    <message>
        <source>Merge #{id} cannot be undone yet: later merge(s) {ids} involve the same customers; undo {ids} first.</source>
        <translation>La fusión #{id} aún no se puede deshacer: fusiones posteriores ({ids}) afectan a los mismos clientes; deshaga primero {ids}.</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>La nota está vacía.</translation>
    </message>
    <message>
        <source>The note is {over} characters over the limit of {limit}.</source>
        <translation>La nota supera en {over} caracteres el límite de {limit}.</translation>
    </message>
    <message>
        <source>There is no customer note {id}.</source>
        <translation>No existe la nota de cliente {id}.</translation>
    </message>
    <message>
        <source>A note belongs to one customer or to one author.</source>
        <translation>Una nota pertenece a un cliente o a un autor.</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resuelto</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
    <message>
        <source>Customer {merged} “{merged_name}” will be merged into customer {survivor} “{survivor_name}”, which keeps its name.</source>
        <translation>El cliente {merged} «{merged_name}» se fusionará con el cliente {survivor} «{survivor_name}», que conserva su nombre.</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) move: {accounts}</source>
        <translation><numerusform>Se traslada %n cuenta: {accounts}</numerusform><numerusform>Se trasladan %n cuentas: {accounts}</numerusform></translation>
    </message>
    <message>
        <source>No accounts move.</source>
        <translation>No se traslada ninguna cuenta.</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) move.</source>
        <translation><numerusform>Se traslada %n nota.</numerusform><numerusform>Se trasladan %n notas.</numerusform></translation>
    </message>
    <message>
        <source>Tags added: {tags}</source>
        <translation>Etiquetas añadidas: {tags}</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) follow their accounts: {cases}</source>
        <translation><numerusform>%n caso sigue a sus cuentas: {cases}</numerusform><numerusform>%n casos siguen a sus cuentas: {cases}</numerusform></translation>
    </message>
    <message>
        <source>The survivor becomes VIP.</source>
        <translation>El cliente que se conserva pasa a ser VIP.</translation>
    </message>
    <message>
        <source>An author cannot be compared with itself.</source>
        <translation>Un autor no se puede comparar consigo mismo.</translation>
    </message>
</context>
<context>
    <name>PeopleReasons</name>
    <message>
        <source>same display name</source>
        <translation>mismo nombre visible</translation>
    </message>
    <message>
        <source>same name ({one} = {other})</source>
        <translation>mismo nombre ({one} = {other})</translation>
    </message>
    <message>
        <source>{count} other accounts share it</source>
        <translation>lo comparten otras {count} cuentas</translation>
    </message>
    <message>
        <source>a common name</source>
        <translation>un nombre común</translation>
    </message>
    <message>
        <source>{reason} ({why})</source>
        <translation>{reason} ({why})</translation>
    </message>
    <message>
        <source>same name, one written longer</source>
        <translation>mismo nombre, uno escrito más largo</translation>
    </message>
    <message>
        <source>similar handles ({one} and {other})</source>
        <translation>usuarios parecidos ({one} y {other})</translation>
    </message>
    <message>
        <source>handle {handle} spells the name {name}</source>
        <translation>el usuario {handle} escribe el nombre {name}</translation>
    </message>
    <message>
        <source>same verified website {site}</source>
        <translation>mismo sitio web verificado {site}</translation>
    </message>
    <message>
        <source>same website {site}</source>
        <translation>mismo sitio web {site}</translation>
    </message>
    <message>
        <source>websites on the same domain {host}</source>
        <translation>sitios web en el mismo dominio {host}</translation>
    </message>
    <message>
        <source>same e-mail address {mail}</source>
        <translation>misma dirección de correo {mail}</translation>
    </message>
    <message>
        <source>e-mail at the same website {site}</source>
        <translation>correo en el mismo sitio web {site}</translation>
    </message>
    <message>
        <source>{one} has a verified link to {other} (rel=me)</source>
        <translation>{one} tiene un enlace verificado a {other} (rel=me)</translation>
    </message>
    <message>
        <source>{one}'s profile links to {other}</source>
        <translation>el perfil de {one} enlaza a {other}</translation>
    </message>
    <message>
        <source>both wrote about order or case number {number}</source>
        <translation>ambos escribieron sobre el pedido o caso número {number}</translation>
    </message>
    <message>
        <source>complained about the same thing within {minutes} minutes ({words})</source>
        <translation>se quejaron de lo mismo con {minutes} minutos de diferencia ({words})</translation>
    </message>
</context>
<context>
    <name>PersonActions</name>
    <message>
        <source>Marked VIP.</source>
        <translation>Marcado como VIP.</translation>
    </message>
    <message>
        <source>No longer VIP.</source>
        <translation>Ya no es VIP.</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Tags, separated by commas:</source>
        <translation>Etiquetas, separadas por comas:</translation>
    </message>
    <message>
        <source>Tags saved (%1 added, %2 removed).</source>
        <translation>Etiquetas guardadas (%1 añadidas, %2 quitadas).</translation>
    </message>
    <message>
        <source>Rename customer</source>
        <translation>Cambiar nombre del cliente</translation>
    </message>
    <message>
        <source>The customer's name:</source>
        <translation>Nombre del cliente:</translation>
    </message>
    <message>
        <source>Renamed to “%1”.</source>
        <translation>Nombre cambiado a «%1».</translation>
    </message>
    <message>
        <source>Created customer #%1.</source>
        <translation>Cliente #%1 creado.</translation>
    </message>
    <message>
        <source>Linked into customer #%1.</source>
        <translation>Vinculado en el cliente #%1.</translation>
    </message>
    <message>
        <source>Both are customers already: merge them instead.</source>
        <translation>Los dos ya son clientes: fusiónelos.</translation>
    </message>
    <message>
        <source>Linked to customer #%1.</source>
        <translation>Vinculado al cliente #%1.</translation>
    </message>
    <message>
        <source>Take this account out of the customer? It will not be suggested with them again.</source>
        <translation>¿Quitar esta cuenta del cliente? No se volverá a sugerir junto a él.</translation>
    </message>
    <message>
        <source>Unlinked from customer #%1.</source>
        <translation>Desvinculado del cliente #%1.</translation>
    </message>
    <message>
        <source>Merged customer #%1 into #%2 (merge #%3; undo it from the merge history).</source>
        <translation>Cliente #%1 fusionado con #%2 (fusión #%3; puede deshacerla desde el historial de fusiones).</translation>
    </message>
    <message>
        <source>Undid %1 merge(s).</source>
        <translation>Se deshicieron %1 fusión(es).</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <source>An internal note (never sent):</source>
        <translation>Nota interna (nunca se envía):</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>Nota añadida.</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Editar nota</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>Nota guardada.</translation>
    </message>
    <message>
        <source>Delete this note? This cannot be undone.</source>
        <translation>¿Eliminar esta nota? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Note deleted.</source>
        <translation>Nota eliminada.</translation>
    </message>
    <message>
        <source>Both accounts belong to customers already: merge them.</source>
        <translation>Las dos cuentas ya pertenecen a clientes: fusiónelos.</translation>
    </message>
    <message>
        <source>Linked: customer #%1.</source>
        <translation>Vinculado: cliente #%1.</translation>
    </message>
    <message>
        <source>They will not be suggested together again.</source>
        <translation>No se volverán a sugerir juntas.</translation>
    </message>
</context>
<context>
    <name>PortraitView</name>
    <message>
        <source>What we know about this person</source>
        <translation>Lo que sabemos de esta persona</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Alcance</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Seguidores</translation>
    </message>
    <message>
        <source>Reach of their posts</source>
        <translation>Alcance de sus publicaciones</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>Comunidades</translation>
    </message>
    <message>
        <source>Where they post</source>
        <translation>Dónde publica</translation>
    </message>
    <message>
        <source>Products and topics</source>
        <translation>Productos y temas</translation>
    </message>
    <message>
        <source>What they talk about</source>
        <translation>De qué habla</translation>
    </message>
    <message>
        <source>Mood over time</source>
        <translation>Evolución del ánimo</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Ánimo</translation>
    </message>
</context>
<context>
    <name>PrintableReport</name>
    <message>
        <source>delivery</source>
        <translation>entrega o retraso</translation>
    </message>
    <message>
        <source>billing</source>
        <translation>facturación o reembolso</translation>
    </message>
    <message>
        <source>product</source>
        <translation>defecto del producto</translation>
    </message>
    <message>
        <source>service</source>
        <translation>atención al cliente</translation>
    </message>
    <message>
        <source>cancellation</source>
        <translation>cancelación</translation>
    </message>
    <message>
        <source>account</source>
        <translation>cuenta o acceso</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otro</translation>
    </message>
    <message>
        <source>Posventa report</source>
        <translation>Informe de Posventa</translation>
    </message>
    <message>
        <source>{count} mentions in {threads} conversations · written {when}</source>
        <translation>{count} menciones en {threads} conversaciones · generado el {when}</translation>
    </message>
    <message>
        <source>brand reply</source>
        <translation>respuesta de la marca</translation>
    </message>
    <message>
        <source>complaint: {reason}</source>
        <translation>queja: {reason}</translation>
    </message>
    <message>
        <source>status {status}</source>
        <translation>estado: {status}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abrir</translation>
    </message>
</context>
<context>
    <name>ProfileController</name>
    <message>
        <source> · edited %1</source>
        <translation> · editada %1</translation>
    </message>
    <message>
        <source> · on one account</source>
        <translation> · en una sola cuenta</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>sin asignar</translation>
    </message>
    <message>
        <source>#{id} · {status} · {channel} · priority {priority} · {who}</source>
        <translation>#{id} · {status} · {channel} · prioridad {priority} · {who}</translation>
    </message>
    <message>
        <source>Looking for other accounts of this person…</source>
        <translation>Buscando otras cuentas de esta persona…</translation>
    </message>
    <message>
        <source>Not linked to a customer yet.</source>
        <translation>Aún no está vinculado a un cliente.</translation>
    </message>
    <message numerus="yes">
        <source>Customer #%1 · %n account(s) on %2</source>
        <translation><numerusform>Cliente #%1 · %n cuenta en %2</numerusform><numerusform>Cliente #%1 · %n cuentas en %2</numerusform></translation>
    </message>
    <message>
        <source>%1 · bot</source>
        <translation>%1 · bot</translation>
    </message>
    <message>
        <source>(no bio)</source>
        <translation>(sin biografía)</translation>
    </message>
    <message>
        <source>✓ verified</source>
        <translation>✓ verificado</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Etiquetas: %1</translation>
    </message>
    <message>
        <source>Accounts (%1)</source>
        <translation>Cuentas (%1)</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>Notas (%1)</translation>
    </message>
    <message>
        <source>Cases (%1)</source>
        <translation>Casos (%1)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message numerus="yes">
        <source>first answer in %1 on average (%n answered)</source>
        <translation><numerusform>primera respuesta en %1 de media (%n respondida)</numerusform><numerusform>primera respuesta en %1 de media (%n respondidas)</numerusform></translation>
    </message>
    <message>
        <source>never answered yet</source>
        <translation>aún sin respuestas</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation><numerusform>%n queja</numerusform><numerusform>%n quejas</numerusform></translation>
    </message>
    <message>
        <source>Link this account to a customer first.</source>
        <translation>Primero vincule esta cuenta a un cliente.</translation>
    </message>
    <message>
        <source>find suggestions</source>
        <translation>buscar sugerencias</translation>
    </message>
    <message>
        <source>Suggestions (%1)</source>
        <translation>Sugerencias (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n other account(s) may be this person…</source>
        <translation><numerusform>%n cuenta más puede ser de esta persona…</numerusform><numerusform>%n cuentas más pueden ser de esta persona…</numerusform></translation>
    </message>
    <message>
        <source>Not opened: %1 is not a web address.</source>
        <translation>No se abrió: %1 no es una dirección web.</translation>
    </message>
    <message>
        <source>Posventa</source>
        <translation>Posventa</translation>
    </message>
    <message>
        <source>%1 (this account)</source>
        <translation>%1 (esta cuenta)</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) stored</source>
        <translation><numerusform>%n publicación guardada</numerusform><numerusform>%n publicaciones guardadas</numerusform></translation>
    </message>
    <message>
        <source>First post %1 · last contact %2</source>
        <translation>Primera publicación %1 · último contacto %2</translation>
    </message>
    <message>
        <source>count this person's figures</source>
        <translation>contar las cifras de esta persona</translation>
    </message>
</context>
<context>
    <name>ProfilePanel</name>
    <message>
        <source>Customer profile</source>
        <translation>Perfil del cliente</translation>
    </message>
    <message>
        <source>Select a mention to see who wrote it.</source>
        <translation>Seleccione una mención para ver quién la escribió.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>★ VIP</source>
        <translation>★ VIP</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Impersonation warning</source>
        <translation>Aviso de suplantación</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Bio</source>
        <translation>Biografía</translation>
    </message>
    <message>
        <source>Profile fields</source>
        <translation>Campos del perfil</translation>
    </message>
    <message>
        <source>Open profile in browser</source>
        <translation>Abrir perfil en el navegador</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Cifras</translation>
    </message>
    <message>
        <source>Show link suggestions</source>
        <translation>Ver sugerencias de vinculación</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>Etiquetas…</translation>
    </message>
    <message>
        <source>Link to customer…</source>
        <translation>Vincular a un cliente…</translation>
    </message>
    <message>
        <source>New customer with this account</source>
        <translation>Cliente nuevo con esta cuenta</translation>
    </message>
    <message>
        <source>Rename customer…</source>
        <translation>Cambiar nombre del cliente…</translation>
    </message>
    <message>
        <source>Merge with another customer…</source>
        <translation>Fusionar con otro cliente…</translation>
    </message>
    <message>
        <source>Merge history and undo…</source>
        <translation>Historial de fusiones y deshacer…</translation>
    </message>
    <message>
        <source>Customer history</source>
        <translation>Historial del cliente</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>Añadir nota…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Casos abiertos</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Sugerencias</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Seguidores</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Redes</translation>
    </message>
    <message>
        <source>Posts stored</source>
        <translation>Publicaciones guardadas</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Publicaciones</translation>
    </message>
</context>
<context>
    <name>ProfilePortrait</name>
    <message numerus="yes">
        <source>%Ln boost(s)</source>
        <translation><numerusform>%Ln impulso</numerusform><numerusform>%Ln impulsos</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln favourite(s)</source>
        <translation><numerusform>%Ln favorito</numerusform><numerusform>%Ln favoritos</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln repost(s)</source>
        <translation><numerusform>%Ln republicación</numerusform><numerusform>%Ln republicaciones</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln like(s)</source>
        <translation><numerusform>%Ln me gusta</numerusform><numerusform>%Ln me gusta</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln share(s)</source>
        <translation><numerusform>%Ln difusión</numerusform><numerusform>%Ln difusiones</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln view(s)</source>
        <translation><numerusform>%Ln visualización</numerusform><numerusform>%Ln visualizaciones</numerusform></translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>puntuación %1</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation><numerusform>%n comentario</numerusform><numerusform>%n comentarios</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n reply(ies)</source>
        <translation><numerusform>%n respuesta</numerusform><numerusform>%n respuestas</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>their newest %1 of %Ln stored post(s)</source>
        <translation><numerusform>sus %1 publicaciones más recientes de %Ln guardada</numerusform><numerusform>sus %1 publicaciones más recientes de %Ln guardadas</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>their %Ln stored post(s)</source>
        <translation><numerusform>su %Ln publicación guardada</numerusform><numerusform>sus %Ln publicaciones guardadas</numerusform></translation>
    </message>
    <message>
        <source>Followers, as each network reports them: %1</source>
        <translation>Seguidores, según los da cada red: %1</translation>
    </message>
    <message>
        <source>No follower count on %1.</source>
        <translation>Sin número de seguidores en %1.</translation>
    </message>
    <message>
        <source>What %1 about the brand reached, where the network reports it:</source>
        <translation>Alcance de %1 sobre la marca, donde la red lo informa:</translation>
    </message>
    <message numerus="yes">
        <source>from %n post(s)</source>
        <translation><numerusform>de %n publicación</numerusform><numerusform>de %n publicaciones</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>from %1 of %n post(s)</source>
        <translation><numerusform>de %1 de %n publicación</numerusform><numerusform>de %1 de %n publicaciones</numerusform></translation>
    </message>
    <message>
        <source>%1: no reach reported</source>
        <translation>%1: la red no informa del alcance</translation>
    </message>
    <message numerus="yes">
        <source>%Ln follower(s)</source>
        <translation><numerusform>%Ln seguidor</numerusform><numerusform>%Ln seguidores</numerusform></translation>
    </message>
    <message>
        <source>Where %1 were written:</source>
        <translation>Dónde se escribieron %1:</translation>
    </message>
    <message>
        <source>Hashtags</source>
        <translation>Hashtags</translation>
    </message>
    <message>
        <source>Mastodon servers</source>
        <translation>Servidores de Mastodon</translation>
    </message>
    <message>
        <source>Subreddits</source>
        <translation>Subreddits</translation>
    </message>
    <message>
        <source>Blogs</source>
        <translation>Blogs</translation>
    </message>
    <message>
        <source>No hashtags, servers, subreddits or blogs in their posts.</source>
        <translation>Sus publicaciones no tienen hashtags, servidores, subreddits ni blogs.</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>The team's watch terms, in how many of %1:</source>
        <translation>Términos vigilados del equipo, en cuántas de %1:</translation>
    </message>
    <message numerus="yes">
        <source>None of the team's %n watch term(s) in their posts.</source>
        <translation><numerusform>El %n término vigilado del equipo no aparece en sus publicaciones.</numerusform><numerusform>Ninguno de los %n términos vigilados del equipo aparece en sus publicaciones.</numerusform></translation>
    </message>
    <message>
        <source>Complaint reasons triage gave their posts:</source>
        <translation>Motivos de queja que la clasificación dio a sus publicaciones:</translation>
    </message>
    <message>
        <source>Triage found no complaint in their posts.</source>
        <translation>La clasificación no encontró quejas en sus publicaciones.</translation>
    </message>
    <message>
        <source>week of %1</source>
        <translation>semana del %1</translation>
    </message>
    <message>
        <source>No analysed posts yet (sentiment is left undefined for languages triage does not read).</source>
        <translation>Aún no hay publicaciones analizadas (el sentimiento queda sin definir en los idiomas que la clasificación no lee).</translation>
    </message>
    <message numerus="yes">
        <source>Sentiment triage gave %n post(s), per week:</source>
        <translation><numerusform>Sentimiento que la clasificación dio a %n publicación, por semana:</numerusform><numerusform>Sentimiento que la clasificación dio a %n publicaciones, por semana:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Sentiment triage gave %n post(s), per month:</source>
        <translation><numerusform>Sentimiento que la clasificación dio a %n publicación, por mes:</numerusform><numerusform>Sentimiento que la clasificación dio a %n publicaciones, por mes:</numerusform></translation>
    </message>
    <message>
        <source>negative (orange), neutral (grey), positive (green).</source>
        <translation>negativas (naranja), neutras (gris), positivas (verde).</translation>
    </message>
    <message>
        <source>no analysed posts</source>
        <translation>sin publicaciones analizadas</translation>
    </message>
    <message>
        <source>mostly negative</source>
        <translation>sobre todo negativas</translation>
    </message>
    <message>
        <source>mostly neutral</source>
        <translation>sobre todo neutras</translation>
    </message>
    <message>
        <source>mostly positive</source>
        <translation>sobre todo positivas</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Posventa — the workspace database is damaged</source>
        <translation>Posventa — la base de datos del espacio de trabajo está dañada</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué ha pasado</translation>
    </message>
    <message>
        <source>Backup to restore</source>
        <translation>Copia de seguridad que restaurar</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>copia de seguridad</translation>
    </message>
    <message>
        <source>copy before upgrade</source>
        <translation>copia previa a la actualización</translation>
    </message>
    <message>
        <source>Restore problem</source>
        <translation>Problema al restaurar</translation>
    </message>
    <message>
        <source>Start with an empty database</source>
        <translation>Empezar con una base de datos vacía</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>{0}.

The damaged file was moved aside, not deleted:
{1}

</source>
        <translation>{0}.

El archivo dañado se ha apartado, no se ha borrado:
{1}

</translation>
    </message>
    <message>
        <source>You can put back a backup (the newest is offered first), or start with an empty database: accounts, watches and mentions would then be missing until you restore a backup with “posventa restore FILE”.</source>
        <translation>Se puede restaurar una copia de seguridad (la más reciente aparece primero) o empezar con una base de datos vacía: en ese caso faltarán las cuentas, los seguimientos y las menciones hasta restaurar una copia con «posventa restore ARCHIVO».</translation>
    </message>
    <message>
        <source>There is no backup to put back. You can start with an empty database.</source>
        <translation>No hay ninguna copia de seguridad que restaurar. Se puede empezar con una base de datos vacía.</translation>
    </message>
    <message>
        <source>Restore the backup of {0}</source>
        <translation>Restaurar la copia del {0}</translation>
    </message>
    <message>
        <source>Restoring the backup of {0}…</source>
        <translation>Restaurando la copia del {0}…</translation>
    </message>
    <message>
        <source>restore the backup</source>
        <translation>restaurar la copia de seguridad</translation>
    </message>
    <message>
        <source>That backup was not restored: {0}</source>
        <translation>Esa copia de seguridad no se restauró: {0}</translation>
    </message>
</context>
<context>
    <name>RedditForm</name>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Checking the sign-in with Reddit…</source>
        <translation>Comprobando la sesión con Reddit…</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Id de cliente</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Reddit API address</source>
        <translation>Dirección de la API de Reddit</translation>
    </message>
    <message>
        <source>Reddit app client id</source>
        <translation>Id de cliente de la aplicación de Reddit</translation>
    </message>
    <message>
        <source>Reddit approves new apps before they can use its API: register an installed app at %1 with the redirect address below, wait for Reddit's approval, then paste its client id here. Posventa never links a Reddit author to a customer by itself and never starts a private message.</source>
        <translation>Reddit aprueba las aplicaciones nuevas antes de que puedan usar su API: registre una aplicación instalada en %1 con la dirección de redirección de abajo, espere la aprobación de Reddit y pegue aquí su id de cliente. Posventa nunca vincula por sí solo a un autor de Reddit con un cliente y nunca inicia un mensaje privado.</translation>
    </message>
    <message>
        <source>Reddit sign-in message</source>
        <translation>Mensaje del inicio de sesión en Reddit</translation>
    </message>
    <message>
        <source>Redirect address</source>
        <translation>Dirección de redirección</translation>
    </message>
    <message>
        <source>Redirect address copied.</source>
        <translation>Dirección de redirección copiada.</translation>
    </message>
    <message>
        <source>Redirect address to register</source>
        <translation>Dirección de redirección que hay que registrar</translation>
    </message>
    <message>
        <source>Signed in as u/%1.</source>
        <translation>Sesión iniciada como u/%1.</translation>
    </message>
    <message>
        <source>The browser could not come back to this computer? Paste the whole address it ended on:</source>
        <translation>¿El navegador no pudo volver a este equipo? Pegue la dirección completa en la que terminó:</translation>
    </message>
    <message>
        <source>Waiting for Reddit…</source>
        <translation>Esperando a Reddit…</translation>
    </message>
    <message>
        <source>Your browser opened Reddit's authorization page. Allow Posventa there; this window continues by itself.</source>
        <translation>El navegador abrió la página de autorización de Reddit. Permita allí el acceso a Posventa; esta ventana continuará sola.</translation>
    </message>
    <message>
        <source>listen for the browser</source>
        <translation>esperar al navegador</translation>
    </message>
    <message>
        <source>the id under the app's name</source>
        <translation>el id bajo el nombre de la aplicación</translation>
    </message>
</context>
<context>
    <name>ReplyFollower</name>
    <message>
        <source>Held, not sent: %1</source>
        <translation>Retenida, no enviada: %1</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>No enviada: %1</translation>
    </message>
    <message>
        <source>the network refused it</source>
        <translation>la red la rechazó</translation>
    </message>
    <message>
        <source>Sending in %1 s…</source>
        <translation>Enviando en %1 s…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation>Enviada.</translation>
    </message>
    <message>
        <source>Not sent yet: %1 It is tried again automatically.</source>
        <translation>Aún no enviada: %1 Se volverá a intentar automáticamente.</translation>
    </message>
    <message>
        <source>Pulled back: nothing was sent.</source>
        <translation>Retirada: no se envió nada.</translation>
    </message>
    <message>
        <source>Too late: the reply has already left.</source>
        <translation>Demasiado tarde: la respuesta ya salió.</translation>
    </message>
    <message>
        <source>Editing the reply that was not sent: Send queues it again.</source>
        <translation>Editando la respuesta que no se envió: Enviar la vuelve a poner en cola.</translation>
    </message>
</context>
<context>
    <name>ReplyRules</name>
    <message>
        <source>{n} days</source>
        <translation>{n} días</translation>
    </message>
    <message>
        <source>{n} hours</source>
        <translation>{n} horas</translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation>{n} minutos</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>caracteres</translation>
    </message>
    <message>
        <source>graphemes</source>
        <translation>grafemas</translation>
    </message>
    <message>
        <source>The reply window of this channel ({window} after the customer's message) closed on {when}.</source>
        <translation>El plazo para responder en este canal ({window} después del mensaje del cliente) terminó el {when}.</translation>
    </message>
    <message>
        <source>This channel does not allow a reply here.</source>
        <translation>Este canal no permite responder aquí.</translation>
    </message>
    <message>
        <source>The reply is empty.</source>
        <translation>La respuesta está vacía.</translation>
    </message>
    <message>
        <source>The reply is {over} {unit} over the limit of {limit}.</source>
        <translation>La respuesta supera en {over} {unit} el límite de {limit}.</translation>
    </message>
    <message>
        <source>The reply is {over} bytes over this channel's limit of {limit} bytes.</source>
        <translation>La respuesta supera en {over} bytes el límite de {limit} bytes de este canal.</translation>
    </message>
    <message>
        <source>Bluesky: the author limited who can reply to this thread; Bluesky will not take a reply.</source>
        <translation>Bluesky: el autor limitó quién puede responder en este hilo; Bluesky no aceptará la respuesta.</translation>
    </message>
    <message>
        <source>{site} takes no replies through an API: open the post in the browser and paste the reply there (it is copied to the clipboard); the reply is still recorded in the case.</source>
        <translation>{site} no acepta respuestas mediante una API: abra la publicación en el navegador y pegue allí la respuesta (se copia al portapapeles); la respuesta queda igualmente registrada en el caso.</translation>
    </message>
    <message>
        <source>The blog {host}</source>
        <translation>El blog {host}</translation>
    </message>
    <message>
        <source>There is no mention {mention}.</source>
        <translation>No existe la mención {mention}.</translation>
    </message>
    <message>
        <source>This channel has no way to post a reply from here: open the post in the browser and paste the reply there.</source>
        <translation>Este canal no permite publicar una respuesta desde aquí: abra la publicación en el navegador y pegue allí la respuesta.</translation>
    </message>
    <message>
        <source>This channel takes replies from the console; use Send.</source>
        <translation>Este canal acepta respuestas desde la consola; use Enviar.</translation>
    </message>
    <message>
        <source>There is no reply {reply}.</source>
        <translation>No existe la respuesta {reply}.</translation>
    </message>
    <message>
        <source>This person cannot be answered in private from here (they do not accept direct messages from the brand, or the network has none).</source>
        <translation>A esta persona no se le puede contestar en privado desde aquí (no acepta mensajes directos de la marca, o la red no los tiene).</translation>
    </message>
    <message>
        <source>X takes a reply through the API only when the author mentioned or quoted the brand, and this post does neither: the button copies the reply and opens the post on X to paste it; the reply is recorded in the case.</source>
        <translation>X solo admite una respuesta por la API cuando el autor mencionó o citó a la marca, y esta publicación no hace ninguna de las dos cosas: el botón copia la respuesta y abre la publicación en X para pegarla; la respuesta queda registrada en el caso.</translation>
    </message>
    <message>
        <source>weighted characters</source>
        <translation>caracteres ponderados</translation>
    </message>
    <message>
        <source>Reddit: the post is archived; Reddit takes no more comments in it.</source>
        <translation>Reddit: la publicación está archivada; Reddit no admite más comentarios en ella.</translation>
    </message>
    <message>
        <source>Reddit: the thread is locked; Reddit takes no more comments in it.</source>
        <translation>Reddit: el hilo está bloqueado; Reddit no admite más comentarios en él.</translation>
    </message>
    <message>
        <source>The reply is 1 character over the limit of {limit}.</source>
        <translation>La respuesta supera en 1 carácter el límite de {limit}.</translation>
    </message>
    <message>
        <source>The reply is {over} characters over the limit of {limit}.</source>
        <translation>La respuesta supera en {over} caracteres el límite de {limit}.</translation>
    </message>
    <message>
        <source>The reply is 1 grapheme over the limit of {limit}.</source>
        <translation>La respuesta supera en 1 grafema el límite de {limit}.</translation>
    </message>
    <message>
        <source>The reply is {over} graphemes over the limit of {limit}.</source>
        <translation>La respuesta supera en {over} grafemas el límite de {limit}.</translation>
    </message>
    <message>
        <source>The reply is 1 weighted character over the limit of {limit}.</source>
        <translation>La respuesta supera en 1 carácter ponderado el límite de {limit}.</translation>
    </message>
    <message>
        <source>The reply is {over} weighted characters over the limit of {limit}.</source>
        <translation>La respuesta supera en {over} caracteres ponderados el límite de {limit}.</translation>
    </message>
</context>
<context>
    <name>ReportColumns</name>
    <message>
        <source>period</source>
        <translation>periodo</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>canal</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>agente</translation>
    </message>
    <message>
        <source>mentions</source>
        <translation>menciones</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negativas</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutras</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positivas</translation>
    </message>
    <message>
        <source>complaints</source>
        <translation>quejas</translation>
    </message>
    <message>
        <source>complaint share</source>
        <translation>proporción de quejas</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>casos</translation>
    </message>
    <message>
        <source>responded</source>
        <translation>respondidos</translation>
    </message>
    <message>
        <source>avg first response</source>
        <translation>primera respuesta media</translation>
    </message>
    <message>
        <source>avg resolution</source>
        <translation>resolución media</translation>
    </message>
    <message>
        <source>first response met</source>
        <translation>primera respuesta a tiempo</translation>
    </message>
    <message>
        <source>first response breached</source>
        <translation>primera respuesta fuera de plazo</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resueltos</translation>
    </message>
    <message>
        <source>resolution met</source>
        <translation>resolución a tiempo</translation>
    </message>
    <message>
        <source>resolution breached</source>
        <translation>resolución fuera de plazo</translation>
    </message>
</context>
<context>
    <name>ReportTab</name>
    <message>
        <source>Save chart as PNG…</source>
        <translation>Guardar gráfico como PNG…</translation>
    </message>
    <message>
        <source>Save data as CSV…</source>
        <translation>Guardar datos como CSV…</translation>
    </message>
</context>
<context>
    <name>ReportsController</name>
    <message>
        <source>The period must end on or after its first day.</source>
        <translation>El periodo debe terminar el mismo día que empieza o después.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <source>read the reports</source>
        <translation>leer los informes</translation>
    </message>
    <message>
        <source>Cases against SLA per agent</source>
        <translation>Casos frente al SLA por agente</translation>
    </message>
    <message>
        <source>Cases against SLA per channel</source>
        <translation>Casos frente al SLA por canal</translation>
    </message>
    <message>
        <source>%1 mentions from %2 to %3 (days in %4).</source>
        <translation>%1 menciones del %2 al %3 (días según %4).</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Guardar gráfico</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not save the chart to %1.</source>
        <translation>No se pudo guardar el gráfico en %1.</translation>
    </message>
    <message>
        <source>Saved the chart to %1.</source>
        <translation>Gráfico guardado en %1.</translation>
    </message>
    <message>
        <source>Show a period first.</source>
        <translation>Primero muestre un periodo.</translation>
    </message>
    <message>
        <source>Save data</source>
        <translation>Guardar datos</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved the data to %1.</source>
        <translation>Datos guardados en %1.</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>delivery or delay</source>
        <translation>entrega o retraso</translation>
    </message>
    <message>
        <source>billing or refund</source>
        <translation>facturación o reembolso</translation>
    </message>
    <message>
        <source>product defect</source>
        <translation>defecto del producto</translation>
    </message>
    <message>
        <source>customer service</source>
        <translation>atención al cliente</translation>
    </message>
    <message>
        <source>cancellation</source>
        <translation>cancelación</translation>
    </message>
    <message>
        <source>account or access</source>
        <translation>cuenta o acceso</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otro</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(nadie)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Últimos 90 días</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>por día</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>por semana</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periodo:</translation>
    </message>
    <message>
        <source>from</source>
        <translation>desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>Sentimiento</translation>
    </message>
    <message>
        <source>Complaint reasons</source>
        <translation>Motivos de queja</translation>
    </message>
    <message>
        <source>SLA per agent</source>
        <translation>SLA por agente</translation>
    </message>
    <message>
        <source>SLA per channel</source>
        <translation>SLA por canal</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>Select a mention to review its case.</source>
        <translation>Seleccionar una mención para revisar su caso.</translation>
    </message>
    <message>
        <source>This mention is not part of a case.</source>
        <translation>Esta mención no forma parte de ningún caso.</translation>
    </message>
    <message>
        <source>Case #{number}: {subject}</source>
        <translation>Caso n.º {number}: {subject}</translation>
    </message>
    <message>
        <source>No review yet.</source>
        <translation>Todavía no hay revisiones.</translation>
    </message>
    <message>
        <source>{score}/5 by {reviewer}, {when} (earlier review)
{note}</source>
        <translation>{score}/5 de {reviewer}, {when} (revisión anterior)
{note}</translation>
    </message>
    <message>
        <source>{score}/5 by {reviewer}, {when}
{note}</source>
        <translation>{score}/5 de {reviewer}, {when}
{note}</translation>
    </message>
    <message>
        <source>Review saved in the case file.</source>
        <translation>Revisión guardada en el archivo de casos.</translation>
    </message>
</context>
<context>
    <name>ReviewMode</name>
    <message>
        <source>Posventa — reviewing {name} (read-only)</source>
        <translation>Posventa — revisando {name} (solo lectura)</translation>
    </message>
    <message>
        <source>Review mode: offline, nothing is sent.</source>
        <translation>Modo revisión: sin conexión, no se envía nada.</translation>
    </message>
    <message>
        <source>Cannot open the case file</source>
        <translation>No se puede abrir el archivo de casos</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <source>Reviews of this case</source>
        <translation>Revisiones de este caso</translation>
    </message>
    <message>
        <source>Score from 1 to 5</source>
        <translation>Puntuación del 1 al 5</translation>
    </message>
    <message>
        <source>What went well, what to improve…</source>
        <translation>Qué salió bien, qué mejorar…</translation>
    </message>
    <message>
        <source>Review note</source>
        <translation>Nota de la revisión</translation>
    </message>
    <message>
        <source>Save review</source>
        <translation>Guardar revisión</translation>
    </message>
    <message>
        <source>Score (1-5):</source>
        <translation>Puntuación (1-5):</translation>
    </message>
</context>
<context>
    <name>RuleKinds</name>
    <message>
        <source>keyword</source>
        <translation>«contiene alguna de las palabras»</translation>
    </message>
    <message>
        <source>phrase</source>
        <translation>«contiene la frase»</translation>
    </message>
    <message>
        <source>language</source>
        <translation>«el idioma es»</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>«el canal es»</translation>
    </message>
    <message>
        <source>source</source>
        <translation>«encontrada como»</translation>
    </message>
    <message>
        <source>followers_at_least</source>
        <translation>«seguidores como mínimo»</translation>
    </message>
    <message>
        <source>author_in</source>
        <translation>«el autor es uno de»</translation>
    </message>
    <message>
        <source>complaint_at_least</source>
        <translation>«queja como mínimo»</translation>
    </message>
    <message>
        <source>sentiment_at_most</source>
        <translation>«sentimiento como máximo»</translation>
    </message>
    <message>
        <source>vip</source>
        <translation>«el cliente está marcado como VIP»</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>«etiquetar con»</translation>
    </message>
    <message>
        <source>set_priority</source>
        <translation>«poner prioridad»</translation>
    </message>
    <message>
        <source>assign</source>
        <translation>«asignar a»</translation>
    </message>
    <message>
        <source>hide_spam</source>
        <translation>«ocultar como spam»</translation>
    </message>
    <message>
        <source>mark_not_relevant</source>
        <translation>«marcar como no relevante»</translation>
    </message>
    <message>
        <source>close</source>
        <translation>«cerrar»</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>unknown rule condition {kind!r}; use one of {kinds}</source>
        <translation>condición de regla desconocida {kind!r}; use una de estas: {kinds}</translation>
    </message>
    <message>
        <source>the {kind} condition needs a whole number, not {value!r}</source>
        <translation>la condición {kind} necesita un número entero, no {value!r}</translation>
    </message>
    <message>
        <source>the {kind} condition needs a number from {low:g} to 1, not {value!r}</source>
        <translation>la condición {kind} necesita un número de {low:g} a 1, no {value!r}</translation>
    </message>
    <message>
        <source>the {kind} condition needs a value</source>
        <translation>la condición {kind} necesita un valor</translation>
    </message>
    <message>
        <source>unknown rule action {kind!r}; use one of {kinds}</source>
        <translation>acción de regla desconocida {kind!r}; use una de estas: {kinds}</translation>
    </message>
    <message>
        <source>the {kind} action needs a whole number from 0 to 100, not {value!r}</source>
        <translation>la acción {kind} necesita un número entero de 0 a 100, no {value!r}</translation>
    </message>
    <message>
        <source>the {kind} action needs a value</source>
        <translation>la acción {kind} necesita un valor</translation>
    </message>
    <message>
        <source>a rule needs a name</source>
        <translation>una regla necesita un nombre</translation>
    </message>
    <message>
        <source>the match must be 'all' or 'any'</source>
        <translation>la coincidencia debe ser 'all' (todas) o 'any' (alguna)</translation>
    </message>
    <message>
        <source>rule {name!r} needs at least one action</source>
        <translation>la regla {name!r} necesita al menos una acción</translation>
    </message>
    <message>
        <source>malformed rule: {error}</source>
        <translation>regla mal formada: {error}</translation>
    </message>
</context>
<context>
    <name>RulesController</name>
    <message>
        <source>Saved.</source>
        <translation>Guardada.</translation>
    </message>
    <message>
        <source>Unsaved rule</source>
        <translation>Regla sin guardar</translation>
    </message>
    <message>
        <source>Save the changes to this rule?</source>
        <translation>¿Guardar los cambios de esta regla?</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Eliminar regla</translation>
    </message>
    <message>
        <source>Delete the rule “%1”? Mentions it already changed keep those changes.</source>
        <translation>¿Eliminar la regla «%1»? Las menciones que ya cambió conservan esos cambios.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Type or paste a post first.</source>
        <translation>Escriba o pegue primero una publicación.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <source>Labels: %1, %2, complaint %3, priority %4</source>
        <translation>Etiquetas: %1, %2, queja %3, prioridad %4</translation>
    </message>
    <message>
        <source>other language</source>
        <translation>otro idioma</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <source>Fires: %1</source>
        <translation>Se activa: %1</translation>
    </message>
    <message>
        <source>tag %1</source>
        <translation>etiquetar %1</translation>
    </message>
    <message>
        <source>priority %1</source>
        <translation>prioridad %1</translation>
    </message>
    <message>
        <source>assign to %1</source>
        <translation>asignar a %1</translation>
    </message>
    <message>
        <source>hide as spam</source>
        <translation>ocultar como spam</translation>
    </message>
    <message>
        <source>not relevant</source>
        <translation>no relevante</translation>
    </message>
    <message>
        <source>close</source>
        <translation>cerrar</translation>
    </message>
    <message>
        <source>Then: %1</source>
        <translation>Entonces: %1</translation>
    </message>
    <message>
        <source>No rule fires.</source>
        <translation>No se activa ninguna regla.</translation>
    </message>
    <message>
        <source>(The rule in the form is not valid yet, so it was left out.)</source>
        <translation>(La regla del formulario aún no es válida, así que se dejó fuera.)</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>has any of the words</source>
        <translation>contiene alguna de las palabras</translation>
    </message>
    <message>
        <source>has the phrase</source>
        <translation>contiene la frase</translation>
    </message>
    <message>
        <source>language is</source>
        <translation>el idioma es</translation>
    </message>
    <message>
        <source>channel is</source>
        <translation>el canal es</translation>
    </message>
    <message>
        <source>found as</source>
        <translation>encontrada como</translation>
    </message>
    <message>
        <source>followers at least</source>
        <translation>seguidores como mínimo</translation>
    </message>
    <message>
        <source>author is one of (VIP list)</source>
        <translation>el autor es uno de (lista VIP)</translation>
    </message>
    <message>
        <source>complaint at least</source>
        <translation>queja como mínimo</translation>
    </message>
    <message>
        <source>sentiment at most</source>
        <translation>sentimiento como máximo</translation>
    </message>
    <message>
        <source>customer is marked VIP</source>
        <translation>el cliente está marcado como VIP</translation>
    </message>
    <message>
        <source>refund, broken</source>
        <translation>reembolso, roto</translation>
    </message>
    <message>
        <source>I will cancel</source>
        <translation>voy a cancelar</translation>
    </message>
    <message>
        <source>tag with</source>
        <translation>etiquetar con</translation>
    </message>
    <message>
        <source>set priority to</source>
        <translation>poner prioridad</translation>
    </message>
    <message>
        <source>assign to</source>
        <translation>asignar a</translation>
    </message>
    <message>
        <source>hide as spam</source>
        <translation>ocultar como spam</translation>
    </message>
    <message>
        <source>mark not relevant</source>
        <translation>marcar como no relevante</translation>
    </message>
    <message>
        <source>close</source>
        <translation>cerrar</translation>
    </message>
    <message>
        <source>legal</source>
        <translation>legal</translation>
    </message>
    <message>
        <source>0 to 100</source>
        <translation>0 a 100</translation>
    </message>
    <message>
        <source>agent name</source>
        <translation>nombre del agente</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Reglas</translation>
    </message>
    <message>
        <source>Rules, in the order they run</source>
        <translation>Reglas, en el orden en que se ejecutan</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Nueva regla</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Rules run from top to bottom on every new mention.</source>
        <translation>Las reglas se ejecutan de arriba abajo con cada mención nueva.</translation>
    </message>
    <message>
        <source>Rule name</source>
        <translation>Nombre de la regla</translation>
    </message>
    <message>
        <source>all conditions hold</source>
        <translation>se cumplen todas las condiciones</translation>
    </message>
    <message>
        <source>any condition holds</source>
        <translation>se cumple alguna condición</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Stop: no later rule runs when this one fires</source>
        <translation>Parar: si esta se activa, no se ejecuta ninguna regla posterior</translation>
    </message>
    <message>
        <source>+ Condition</source>
        <translation>+ Condición</translation>
    </message>
    <message>
        <source>+ Action</source>
        <translation>+ Acción</translation>
    </message>
    <message>
        <source>Rule problem</source>
        <translation>Problema en la regla</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>Guardar regla</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revertir</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Fires when</source>
        <translation>Se activa cuando</translation>
    </message>
    <message>
        <source>If</source>
        <translation>Si</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Entonces</translation>
    </message>
    <message>
        <source>Text to test the rules on</source>
        <translation>Texto con el que probar las reglas</translation>
    </message>
    <message>
        <source>Paste a post to see which rules fire</source>
        <translation>Pegue una publicación para ver qué reglas se activan</translation>
    </message>
    <message>
        <source>detect language</source>
        <translation>detectar idioma</translation>
    </message>
    <message>
        <source>followers </source>
        <translation>seguidores </translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>author handle</source>
        <translation>usuario del autor</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Probar</translation>
    </message>
    <message>
        <source>Rules that would fire</source>
        <translation>Reglas que se activarían</translation>
    </message>
    <message>
        <source>Test on a text</source>
        <translation>Probar con un texto</translation>
    </message>
    <message>
        <source>not {0}</source>
        <translation>no {0}</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>always</source>
        <translation>siempre</translation>
    </message>
    <message>
        <source>If {0}, then: {1}</source>
        <translation>Si {0}, entonces: {1}</translation>
    </message>
    <message>
        <source>; stop</source>
        <translation>; parar</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Agent name</source>
        <translation>Nombre del agente</translation>
    </message>
    <message>
        <source>Your name on cases, notes and replies sent from this console</source>
        <translation>El nombre del agente en los casos, las notas y las respuestas enviadas desde esta consola</translation>
    </message>
    <message>
        <source>Sync interval</source>
        <translation>Intervalo de sincronización</translation>
    </message>
    <message>
        <source>Seconds between polls of an account</source>
        <translation>Segundos entre consultas a una cuenta</translation>
    </message>
    <message>
        <source>Undo-send delay</source>
        <translation>Margen para deshacer el envío</translation>
    </message>
    <message>
        <source>Seconds a reply waits in the outbox before it leaves</source>
        <translation>Segundos que una respuesta espera en la bandeja de salida antes de enviarse</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>Copias de seguridad guardadas</translation>
    </message>
    <message>
        <source>Daily automatic backups kept in the workspace's backups folder</source>
        <translation>Copias de seguridad automáticas diarias que se guardan en la carpeta de copias del espacio de trabajo</translation>
    </message>
    <message>
        <source>Notify on urgent complaints</source>
        <translation>Avisar de las quejas urgentes</translation>
    </message>
    <message>
        <source>A desktop notification when an urgent complaint arrives</source>
        <translation>Una notificación de escritorio cuando llega una queja urgente</translation>
    </message>
    <message>
        <source>Notifications per minute</source>
        <translation>Notificaciones por minuto</translation>
    </message>
    <message>
        <source>At most this many; the rest become one summary</source>
        <translation>Como máximo estas; el resto se agrupa en un resumen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The console's language (takes effect on restart)</source>
        <translation>El idioma de la consola (se aplica al reiniciar)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Light or dark colours, or follow the system</source>
        <translation>Colores claros u oscuros, o según el sistema</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <source>Español</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>The team settings were not all saved: {0}</source>
        <translation>No se guardaron todos los ajustes del equipo: {0}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>This console</source>
        <translation>Esta consola</translation>
    </message>
    <message>
        <source>Team SLA</source>
        <translation>SLA del equipo</translation>
    </message>
    <message>
        <source>Shared by every console on this database. Times are business minutes.</source>
        <translation>Compartido por todas las consolas de esta base de datos. Los tiempos son minutos laborables.</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>From priority</source>
        <translation>Desde la prioridad</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>Primera respuesta</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>from priority</source>
        <translation>desde la prioridad</translation>
    </message>
    <message>
        <source>first response target</source>
        <translation>objetivo de primera respuesta</translation>
    </message>
    <message>
        <source>resolution target</source>
        <translation>objetivo de resolución</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Breaching soon warning</source>
        <translation>Aviso de incumplimiento próximo</translation>
    </message>
    <message>
        <source>&amp;Warn before a due time</source>
        <translation>&amp;Avisar antes del vencimiento</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Next mention</source>
        <translation>Mención siguiente</translation>
    </message>
    <message>
        <source>Previous mention</source>
        <translation>Mención anterior</translation>
    </message>
    <message>
        <source>Next or previous mention</source>
        <translation>Mención siguiente o anterior</translation>
    </message>
    <message>
        <source>Open the mention: claim its case and go to the reply</source>
        <translation>Abrir la mención: tomar su caso e ir a la respuesta</translation>
    </message>
    <message>
        <source>Reply: put the cursor in the composer</source>
        <translation>Responder: poner el cursor en el editor de respuesta</translation>
    </message>
    <message>
        <source>Assign: put the cursor in the case's assignee field</source>
        <translation>Asignar: poner el cursor en el campo de asignación del caso</translation>
    </message>
    <message>
        <source>Close the case (or mark the mention closed)</source>
        <translation>Cerrar el caso (o marcar la mención como cerrada)</translation>
    </message>
    <message>
        <source>Search mentions</source>
        <translation>Buscar menciones</translation>
    </message>
    <message>
        <source>Sync every account now</source>
        <translation>Sincronizar todas las cuentas ahora</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (this list)</source>
        <translation>Atajos de teclado (esta lista)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Send the reply</source>
        <translation>Enviar la respuesta</translation>
    </message>
    <message>
        <source>Insert a canned reply</source>
        <translation>Insertar una respuesta predefinida</translation>
    </message>
    <message>
        <source>Add the internal note</source>
        <translation>Añadir la nota interna</translation>
    </message>
    <message>
        <source>In the mention list</source>
        <translation>En la lista de menciones</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>En cualquier lugar</translation>
    </message>
    <message>
        <source>In the reply editor</source>
        <translation>En el editor de respuesta</translation>
    </message>
    <message>
        <source>In the note editor</source>
        <translation>En el editor de notas</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
</context>
<context>
    <name>SlashCompleter</name>
    <message>
        <source>Canned replies</source>
        <translation>Respuestas predefinidas</translation>
    </message>
</context>
<context>
    <name>SuggestionsSection</name>
    <message>
        <source>Link suggestions</source>
        <translation>Sugerencias de vinculación</translation>
    </message>
    <message>
        <source>No suggestions for this person.</source>
        <translation>No hay sugerencias para esta persona.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln follower(s)</source>
        <translation><numerusform>%Ln seguidor</numerusform><numerusform>%Ln seguidores</numerusform></translation>
    </message>
    <message>
        <source>bot</source>
        <translation>bot</translation>
    </message>
    <message>
        <source>author %1</source>
        <translation>autor %1</translation>
    </message>
    <message>
        <source>already in customer #%1</source>
        <translation>ya está en el cliente #%1</translation>
    </message>
    <message>
        <source>Network and followers</source>
        <translation>Red y seguidores</translation>
    </message>
    <message>
        <source>Suggested account</source>
        <translation>Cuenta sugerida</translation>
    </message>
    <message>
        <source>confidence %1%</source>
        <translation>confianza %1 %</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Motivos</translation>
    </message>
    <message>
        <source>Same person</source>
        <translation>Misma persona</translation>
    </message>
    <message>
        <source>Link these accounts into one customer</source>
        <translation>Vincular estas cuentas en un solo cliente</translation>
    </message>
    <message>
        <source>Not the same</source>
        <translation>No es la misma</translation>
    </message>
    <message>
        <source>Never suggest this pair again</source>
        <translation>No volver a sugerir esta pareja</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>1 new</source>
        <translation>1 nueva</translation>
    </message>
    <message>
        <source>pulled by another console</source>
        <translation>lo sincroniza otra consola</translation>
    </message>
    <message>
        <source>skipped {item} ({reason})</source>
        <translation>omitido {item} ({reason})</translation>
    </message>
    <message>
        <source>{n} more skipped</source>
        <translation>{n} más omitidos</translation>
    </message>
    <message>
        <source>{n} new</source>
        <translation>{n} nuevas</translation>
    </message>
    <message>
        <source>account {id} no longer exists</source>
        <translation>la cuenta {id} ya no existe</translation>
    </message>
    <message>
        <source>This mention has no account to reply from.</source>
        <translation>Esta mención no tiene ninguna cuenta desde la que responder.</translation>
    </message>
    <message>
        <source>workspace</source>
        <translation>espacio de trabajo</translation>
    </message>
    <message>
        <source>the workspace database is damaged ({problem}); restore a backup</source>
        <translation>la base de datos del espacio de trabajo está dañada ({problem}); hay que restaurar una copia de seguridad</translation>
    </message>
    <message>
        <source>automatic backup failed: {error}</source>
        <translation>falló la copia de seguridad automática: {error}</translation>
    </message>
    <message>
        <source>no token for {who} in this session: sign in again</source>
        <translation>no hay token para {who} en esta sesión: vuelve a iniciar sesión</translation>
    </message>
    <message>
        <source>no token for {who} in the keyring: sign in again</source>
        <translation>no hay token para {who} en el llavero: vuelve a iniciar sesión</translation>
    </message>
    <message>
        <source>no token for {who} on this workstation: a console that holds it pulls it; to pull it here too, sign in again</source>
        <translation>no hay token para {who} en este puesto: lo sincroniza una consola que lo tiene; para sincronizarlo también aquí, vuelve a iniciar sesión</translation>
    </message>
    <message>
        <source>the sync stopped on an unexpected error ({error}); it will be tried again</source>
        <translation>la sincronización se detuvo por un error inesperado ({error}); se volverá a intentar</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>idle</source>
        <translation>en reposo</translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation>sincronizando…</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>correcto</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>pulled by another console</source>
        <translation>lo sincroniza otra consola</translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation>límite de peticiones alcanzado</translation>
    </message>
    <message>
        <source>sign in again</source>
        <translation>hay que volver a iniciar sesión</translation>
    </message>
    <message>
        <source>live</source>
        <translation>en vivo</translation>
    </message>
    <message>
        <source>polling</source>
        <translation>por sondeo</translation>
    </message>
    <message>
        <source>Outbox: {queued} queued · {sending} sending · {failed} failed</source>
        <translation>Bandeja de salida: {queued} en cola · {sending} enviando · {failed} con error</translation>
    </message>
    <message>
        <source>It is tried again automatically.</source>
        <translation>Se vuelve a intentar automáticamente.</translation>
    </message>
    <message>
        <source>Sign in again in File ▸ Accounts…</source>
        <translation>Vuelva a iniciar sesión en Archivo ▸ Cuentas…</translation>
    </message>
    <message>
        <source>No account syncs yet. File ▸ Accounts… adds one.</source>
        <translation>Aún no se sincroniza ninguna cuenta. Archivo ▸ Cuentas… añade una.</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Could not {what}: unexpected {error}.</source>
        <translation>No se pudo {what}: error inesperado {error}.</translation>
    </message>
</context>
<context>
    <name>ThreadController</name>
    <message>
        <source>Not opened: {0} is not a web address.</source>
        <translation>No se abrió: {0} no es una dirección web.</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Abrir enlace</translation>
    </message>
    <message>
        <source>Open this address in your browser?

{0}

It comes from a post: check that it is what you expect.</source>
        <translation>¿Abrir esta dirección en el navegador?

{0}

Viene de una publicación: compruebe que es lo que espera.</translation>
    </message>
    <message>
        <source>{0} · {1} · {2}
{3} · priority {4}</source>
        <translation>{0} · {1} · {2}
{3} · prioridad {4}</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otro</translation>
    </message>
    <message>
        <source>Found by: {0}
Priority {1}: {2}
Sentiment {3}, complaint {4} ({5}), language {6}</source>
        <translation>Encontrada por: {0}
Prioridad {1}: {2}
Sentimiento {3}, queja {4} ({5}), idioma {6}</translation>
    </message>
    <message>
        <source>↩ reply · {0} · {1} · </source>
        <translation>↩ respuesta · {0} · {1} · </translation>
    </message>
    <message>
        <source>no reasons</source>
        <translation>sin motivos</translation>
    </message>
    <message>
        <source>Thread ({0} posts, oldest first)</source>
        <translation>Hilo ({0} publicaciones, las más antiguas primero)</translation>
    </message>
    <message>
        <source>Brand replies</source>
        <translation>Respuestas de la marca</translation>
    </message>
</context>
<context>
    <name>ThreadView</name>
    <message>
        <source>public</source>
        <translation>pública</translation>
    </message>
    <message>
        <source>unlisted</source>
        <translation>no listada</translation>
    </message>
    <message>
        <source>followers only</source>
        <translation>solo seguidores</translation>
    </message>
    <message>
        <source>direct message</source>
        <translation>mensaje directo</translation>
    </message>
    <message>
        <source>Mention summary</source>
        <translation>Resumen de la mención</translation>
    </message>
    <message>
        <source>Impersonation warning</source>
        <translation>Aviso de suplantación</translation>
    </message>
    <message>
        <source>Open post ↗</source>
        <translation>Abrir publicación ↗</translation>
    </message>
    <message>
        <source>Open post in browser</source>
        <translation>Abrir la publicación en el navegador</translation>
    </message>
    <message>
        <source>Mention and thread</source>
        <translation>Mención e hilo</translation>
    </message>
    <message>
        <source>Select a mention in the feed to read it here.</source>
        <translation>Seleccione una mención en el listado para leerla aquí.</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>{when} · {channel} · ↩ brand reply by {who} · {state}</source>
        <translation>{when} · {channel} · ↩ respuesta de la marca por {who} · {state}</translation>
    </message>
    <message>
        <source> (edited)</source>
        <translation> (editada)</translation>
    </message>
    <message>
        <source>{when} · note by {who}{edited}</source>
        <translation>{when} · nota de {who}{edited}</translation>
    </message>
    <message>
        <source>{when} · case #{case} · {who}</source>
        <translation>{when} · caso #{case} · {who}</translation>
    </message>
    <message>
        <source>{when} · {channel} · @{who} · {state} · {marker}</source>
        <translation>{when} · {channel} · @{who} · {state} · {marker}</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Show Posventa</source>
        <translation>Mostrar Posventa</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Posventa: {0} new, {1} urgent</source>
        <translation>Posventa: {0} nuevas, {1} urgentes</translation>
    </message>
</context>
<context>
    <name>TriageReasons</name>
    <message>
        <source>delivery or delay</source>
        <translation>entrega o retraso</translation>
    </message>
    <message>
        <source>billing or refund</source>
        <translation>facturación o reembolso</translation>
    </message>
    <message>
        <source>product defect</source>
        <translation>defecto del producto</translation>
    </message>
    <message>
        <source>customer service</source>
        <translation>atención al cliente</translation>
    </message>
    <message>
        <source>cancellation</source>
        <translation>cancelación</translation>
    </message>
    <message>
        <source>account or access</source>
        <translation>cuenta o acceso</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otro</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>legal threat</source>
        <translation>amenaza legal</translation>
    </message>
    <message>
        <source>safety risk</source>
        <translation>riesgo para la seguridad</translation>
    </message>
    <message>
        <source>about to leave</source>
        <translation>a punto de irse</translation>
    </message>
    <message>
        <source>repeated contact</source>
        <translation>contacto repetido</translation>
    </message>
    <message>
        <source>marked urgent</source>
        <translation>marcada como urgente</translation>
    </message>
    <message>
        <source>untagged</source>
        <translation>no menciona a la marca</translation>
    </message>
    <message>
        <source>direct message</source>
        <translation>mensaje directo</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>comentario</translation>
    </message>
    <message>
        <source>spam</source>
        <translation>spam</translation>
    </message>
    <message>
        <source>{n}M followers</source>
        <translation>{n} M de seguidores</translation>
    </message>
    <message>
        <source>a rule</source>
        <translation>una regla</translation>
    </message>
    <message>
        <source>rule {name} set {priority}</source>
        <translation>la regla {name} fijó {priority}</translation>
    </message>
    <message>
        <source>complaint {score}</source>
        <translation>queja {score}</translation>
    </message>
    <message>
        <source>negative {score}</source>
        <translation>negativo {score}</translation>
    </message>
    <message>
        <source>low relevance {score}</source>
        <translation>relevancia baja {score}</translation>
    </message>
    <message>
        <source>{n}k followers</source>
        <translation>{n} mil seguidores</translation>
    </message>
    <message>
        <source>{n} followers</source>
        <translation>{n} seguidores</translation>
    </message>
    <message>
        <source>{n} open case</source>
        <translation>{n} caso abierto</translation>
    </message>
    <message>
        <source>{n} open cases</source>
        <translation>{n} casos abiertos</translation>
    </message>
    <message>
        <source>{n} earlier mentions</source>
        <translation>{n} menciones anteriores</translation>
    </message>
    <message>
        <source>{n} days old</source>
        <translation>de hace {n} días</translation>
    </message>
    <message>
        <source>{n} hours old</source>
        <translation>de hace {n} horas</translation>
    </message>
</context>
<context>
    <name>AskMeDialog</name>
    <message>
        <source>Help the model</source>
        <translation>Ayuda al modelo</translation>
    </message>
    <message>
        <source>What the model thinks now</source>
        <translation>Lo que opina el modelo ahora</translation>
    </message>
    <message>
        <source>The post</source>
        <translation>La publicación</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>C  Complaint</source>
        <translation>C  Es una queja</translation>
    </message>
    <message>
        <source>N  Not a complaint</source>
        <translation>N  No es una queja</translation>
    </message>
    <message>
        <source>−  Negative</source>
        <translation>−  Negativo</translation>
    </message>
    <message>
        <source>0  Neutral</source>
        <translation>0  Neutro</translation>
    </message>
    <message>
        <source>+  Positive</source>
        <translation>+  Positivo</translation>
    </message>
    <message>
        <source>S  Skip</source>
        <translation>S  Saltar</translation>
    </message>
    <message>
        <source>Esc  Close</source>
        <translation>Esc  Cerrar</translation>
    </message>
    <message>
        <source>That is all for now</source>
        <translation>Eso es todo por ahora</translation>
    </message>
    <message>
        <source>Thank you: %1 posts labelled. The model learns from them when you close this window.</source>
        <translation>Gracias: %1 publicaciones etiquetadas. El modelo aprenderá de ellas al cerrar esta ventana.</translation>
    </message>
    <message>
        <source>Thank you: 1 post labelled. The model learns from it when you close this window.</source>
        <translation>Gracias: 1 publicación etiquetada. El modelo aprenderá de ella al cerrar esta ventana.</translation>
    </message>
    <message>
        <source>No post left to ask about.</source>
        <translation>No quedan publicaciones por revisar.</translation>
    </message>
    <message>
        <source>Post %1 of %2</source>
        <translation>Publicación %1 de %2</translation>
    </message>
    <message>
        <source>complaint %1</source>
        <translation>queja %1</translation>
    </message>
    <message>
        <source>no complaint %1</source>
        <translation>sin queja %1</translation>
    </message>
    <message>
        <source>sentiment undefined</source>
        <translation>sentimiento sin definir</translation>
    </message>
    <message>
        <source>The model is unsure: %1 · %2 (%3)</source>
        <translation>El modelo no está seguro: %1 · %2 (%3)</translation>
    </message>
    <message>
        <source>C or N: is it a complaint? Then −, 0 or +: its sentiment. S skips.</source>
        <translation>C o N: ¿es una queja? Después −, 0 o +: su sentimiento. S para saltarla.</translation>
    </message>
    <message>
        <source>Saved. Now the other label, or S to go on.</source>
        <translation>Guardado. Ahora la otra etiqueta, o S para pasar a la siguiente.</translation>
    </message>
    <message>
        <source>store the answer</source>
        <translation>guardar la respuesta</translation>
    </message>
</context>
<context>
    <name>TriageStrip</name>
    <message>
        <source>Triage</source>
        <translation>Clasificación</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Language of the post; click to correct it</source>
        <translation>Idioma de la publicación; pulse para corregirlo</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>Sentimiento</translation>
    </message>
    <message>
        <source>Sentiment and its score; click to correct it</source>
        <translation>Sentimiento y su puntuación; pulse para corregirlo</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Queja</translation>
    </message>
    <message>
        <source>Probability that the post is a complaint; click to say whether it is one</source>
        <translation>Probabilidad de que la publicación sea una queja; pulse para indicar si lo es</translation>
    </message>
    <message>
        <source>Complaint reason</source>
        <translation>Motivo de la queja</translation>
    </message>
    <message>
        <source>What the complaint is about; click to correct it</source>
        <translation>De qué trata la queja; pulse para corregirlo</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>Relevancia</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Spam</translation>
    </message>
    <message>
        <source>Whether the post is about the brand (posts marked not relevant are hidden like spam)</source>
        <translation>Si la publicación trata de la marca (las marcadas como no relevantes se ocultan como el spam)</translation>
    </message>
    <message>
        <source>Spam is hidden from the feed, never deleted</source>
        <translation>El spam se oculta del listado, nunca se borra</translation>
    </message>
    <message>
        <source>Priority and its reasons</source>
        <translation>Prioridad y sus motivos</translation>
    </message>
    <message>
        <source>Rules that fired and tags</source>
        <translation>Reglas activadas y etiquetas</translation>
    </message>
    <message>
        <source>Triage model</source>
        <translation>Modelo de clasificación</translation>
    </message>
    <message>
        <source>Reset model…</source>
        <translation>Restablecer modelo…</translation>
    </message>
    <message>
        <source>Reset to the shipped model</source>
        <translation>Volver al modelo de fábrica</translation>
    </message>
    <message>
        <source>Forget what the model learned from corrections</source>
        <translation>Olvidar lo que el modelo aprendió de las correcciones</translation>
    </message>
    <message>
        <source>Help the model</source>
        <translation>Ayuda al modelo</translation>
    </message>
    <message>
        <source>The recent posts the model is least sure about: label them with one key each, it learns most from those</source>
        <translation>Las publicaciones recientes de las que el modelo está menos seguro: etiquétalas con una tecla cada una; de ellas es de las que más aprende</translation>
    </message>
</context>
<context>
    <name>TriageStripController</name>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Other language</source>
        <translation>Otro idioma</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativo</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutro</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positivo</translation>
    </message>
    <message>
        <source>Yes, a complaint</source>
        <translation>Sí, es una queja</translation>
    </message>
    <message>
        <source>No, not a complaint</source>
        <translation>No, no es una queja</translation>
    </message>
    <message>
        <source>No complaint</source>
        <translation>Sin queja</translation>
    </message>
    <message>
        <source>language</source>
        <translation>idioma</translation>
    </message>
    <message>
        <source>sentiment</source>
        <translation>sentimiento</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>queja</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>Not relevant</source>
        <translation>No relevante</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Spam</translation>
    </message>
    <message>
        <source>Select a mention to see its triage.</source>
        <translation>Seleccione una mención para ver su clasificación.</translation>
    </message>
    <message>
        <source>sentiment –</source>
        <translation>sentimiento –</translation>
    </message>
    <message>
        <source>Sentiment: none, the language was not analysed (%1). Click to set it.</source>
        <translation>Sentimiento: ninguno, el idioma no se analizó (%1). Haz clic para indicarlo.</translation>
    </message>
    <message>
        <source>complaint %1</source>
        <translation>queja %1</translation>
    </message>
    <message>
        <source>no complaint %1</source>
        <translation>sin queja %1</translation>
    </message>
    <message>
        <source>no reason</source>
        <translation>sin motivo</translation>
    </message>
    <message>
        <source>Relevant after all</source>
        <translation>Sí es relevante</translation>
    </message>
    <message>
        <source>Not spam</source>
        <translation>No es spam</translation>
    </message>
    <message>
        <source>no particular reason</source>
        <translation>sin motivo concreto</translation>
    </message>
    <message>
        <source>hidden as spam</source>
        <translation>oculta como spam</translation>
    </message>
    <message>
        <source>hidden: not about the brand</source>
        <translation>oculta: no trata de la marca</translation>
    </message>
    <message>
        <source>Priority %1: %2</source>
        <translation>Prioridad %1: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Rules fired: %1</source>
        <translation>Reglas activadas: %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Etiquetas: %1</translation>
    </message>
    <message>
        <source>other language</source>
        <translation>otro idioma</translation>
    </message>
    <message>
        <source>1 correction</source>
        <translation>1 corrección</translation>
    </message>
    <message>
        <source>%1 corrections</source>
        <translation>%1 correcciones</translation>
    </message>
    <message>
        <source>Model learned from %1</source>
        <translation>El modelo aprendió de %1</translation>
    </message>
    <message>
        <source>Shipped model (no corrections learned)</source>
        <translation>Modelo de fábrica (sin correcciones aprendidas)</translation>
    </message>
    <message>
        <source> · %1 waiting</source>
        <translation> · %1 en espera</translation>
    </message>
    <message>
        <source>store the correction</source>
        <translation>guardar la corrección</translation>
    </message>
    <message>
        <source>Correction saved; the model will learn it in a moment.</source>
        <translation>Corrección guardada; el modelo la aprenderá en un momento.</translation>
    </message>
    <message>
        <source>Learning…</source>
        <translation>Aprendiendo…</translation>
    </message>
    <message>
        <source>Resetting to the shipped model…</source>
        <translation>Volviendo al modelo de fábrica…</translation>
    </message>
    <message>
        <source>Reset the triage model</source>
        <translation>Restablecer el modelo de clasificación</translation>
    </message>
    <message>
        <source>Forget what the model learned from %1 and go back to the shipped model?

The corrections stay listed, marked as forgotten, and the posts you corrected keep your labels. Open mentions are scored again.</source>
        <translation>¿Olvidar lo que el modelo aprendió de %1 y volver al modelo de fábrica?

Las correcciones siguen en la lista, marcadas como olvidadas, y las publicaciones que corrigió conservan sus etiquetas. Las menciones abiertas se vuelven a puntuar.</translation>
    </message>
    <message>
        <source>Reset model</source>
        <translation>Restablecer modelo</translation>
    </message>
    <message>
        <source>retrain the triage model</source>
        <translation>reentrenar el modelo de clasificación</translation>
    </message>
    <message>
        <source>Re-scoring open mentions… %1%</source>
        <translation>Volviendo a puntuar las menciones abiertas… %1%</translation>
    </message>
    <message>
        <source>Model learned from %1; %2 open mentions re-scored.</source>
        <translation>El modelo aprendió de %1; %2 menciones abiertas vueltas a puntuar.</translation>
    </message>
    <message>
        <source>check for the team's corrections</source>
        <translation>buscar las correcciones del equipo</translation>
    </message>
    <message>
        <source>Help the model: 1 post to check</source>
        <translation>Ayuda al modelo: 1 por revisar</translation>
    </message>
    <message>
        <source>Help the model: %1 posts to check</source>
        <translation>Ayuda al modelo: %1 por revisar</translation>
    </message>
    <message>
        <source>too few corrections to measure (%1 of %2)</source>
        <translation>aún son pocas correcciones para medirlo (%1 de %2)</translation>
    </message>
    <message>
        <source>precision %1, recall %2 on %3 posts</source>
        <translation>precisión %1, cobertura %2 en %3 publicaciones</translation>
    </message>
    <message>
        <source> · too few corrections to measure it here (%1 of %2)</source>
        <translation> · aún pocas correcciones para medir su acierto aquí (%1 de %2)</translation>
    </message>
    <message>
        <source> · here: precision %1, recall %2</source>
        <translation> · aquí: precisión %1, cobertura %2</translation>
    </message>
    <message>
        <source>How good the model is at finding complaints here, measured on this team&apos;s corrections (%1-fold cross-validation, %2):</source>
        <translation>Cuánto acierta el modelo con las quejas aquí, medido con las correcciones de este equipo (validación cruzada en %1 partes, %2):</translation>
    </message>
    <message>
        <source>Complaints: %1</source>
        <translation>Quejas: %1</translation>
    </message>
    <message>
        <source>Negative sentiment: %1</source>
        <translation>Sentimiento negativo: %1</translation>
    </message>
    <message>
        <source>Before the last retraining (%1): complaints %2; negative sentiment %3</source>
        <translation>Antes del último reentrenamiento (%1): quejas %2; sentimiento negativo %3</translation>
    </message>
    <message>
        <source>Precision: of the posts it calls complaints, how many are. Recall: of the complaints, how many it finds.</source>
        <translation>Precisión: de las publicaciones que marca como queja, cuántas lo son. Cobertura: de las quejas, cuántas encuentra.</translation>
    </message>
</context>
<context>
    <name>UrgentNotifier</name>
    <message>
        <source>Urgent complaint from {0}</source>
        <translation>Queja urgente de {0}</translation>
    </message>
    <message>
        <source>1 more urgent mention</source>
        <translation>1 mención urgente más</translation>
    </message>
    <message>
        <source>{0} more urgent mentions</source>
        <translation>{0} menciones urgentes más</translation>
    </message>
    <message>
        <source>Choose “priority first” in the feed to see them.</source>
        <translation>Elija «prioridad primero» en la lista para verlas.</translation>
    </message>
</context>
<context>
    <name>VariablesDialog</name>
    <message>
        <source>the customer's first name</source>
        <translation>el nombre de pila del cliente</translation>
    </message>
    <message>
        <source>your name as the customer sees it</source>
        <translation>su nombre tal como lo ve el cliente</translation>
    </message>
    <message>
        <source>the order number</source>
        <translation>el número de pedido</translation>
    </message>
    <message>
        <source>Fill in the reply</source>
        <translation>Completar la respuesta</translation>
    </message>
    <message>
        <source>These variables have no value for this conversation yet:</source>
        <translation>Estas variables aún no tienen valor en esta conversación:</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Insertar</translation>
    </message>
</context>
<context>
    <name>WelcomeController</name>
    <message>
        <source>Posventa</source>
        <translation>Posventa</translation>
    </message>
    <message>
        <source>Your answer could not be saved: {0}</source>
        <translation>No se pudo guardar la respuesta: {0}</translation>
    </message>
    <message>
        <source>The demo could not start. Run “posventa --demo” in a terminal instead.</source>
        <translation>No se pudo iniciar la demostración. Ejecutar «posventa --demo» en un terminal.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Posventa</source>
        <translation>Bienvenida a Posventa</translation>
    </message>
    <message>
        <source>Posventa finds people talking about your brand on Mastodon, Bluesky, blogs and WordPress sites, complaints first, so you can answer where they spoke.

This workspace has no account yet. Try the demo to see it at work on an invented network, or add your brand's first account.</source>
        <translation>Posventa encuentra a las personas que hablan de la marca en Mastodon, Bluesky, blogs y sitios WordPress, con las quejas primero, para responder allí donde hablaron.

Este espacio de trabajo aún no tiene ninguna cuenta. La demostración lo muestra en funcionamiento sobre una red inventada; también se puede añadir ya la primera cuenta de la marca.</translation>
    </message>
    <message>
        <source>&amp;Brand terms to watch (comma-separated; #tag for a hashtag):</source>
        <translation>&amp;Términos de la marca que seguir (separados por comas; #etiqueta para un hashtag):</translation>
    </message>
    <message>
        <source>e.g. Ventalia, #ventaliafail, Brisa 3</source>
        <translation>p. ej., Ventalia, #ventaliafail, Brisa 3</translation>
    </message>
    <message>
        <source>Brand terms to watch</source>
        <translation>Términos de la marca que seguir</translation>
    </message>
    <message>
        <source>Try the &amp;demo workspace</source>
        <translation>Probar el espacio de &amp;demostración</translation>
    </message>
    <message>
        <source>Opens a separate demo window on a temporary workspace; nothing here changes</source>
        <translation>Abre una ventana de demostración aparte con un espacio de trabajo temporal; aquí no cambia nada</translation>
    </message>
    <message>
        <source>&amp;Add my first account…</source>
        <translation>&amp;Añadir mi primera cuenta…</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>Más &amp;tarde</translation>
    </message>
    <message>
        <source>Add accounts any time from File &gt; Accounts</source>
        <translation>Se pueden añadir cuentas en cualquier momento desde Archivo &gt; Cuentas</translation>
    </message>
</context>
<context>
    <name>WordPressForm</name>
    <message>
        <source>https://blog.example</source>
        <translation>https://blog.example</translation>
    </message>
    <message>
        <source>WordPress site address</source>
        <translation>Dirección del sitio WordPress</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>nombre de usuario</translation>
    </message>
    <message>
        <source>WordPress user name</source>
        <translation>Nombre de usuario de WordPress</translation>
    </message>
    <message>
        <source>abcd EFGH 1234 ijkl MNOP 6789</source>
        <translation>abcd EFGH 1234 ijkl MNOP 6789</translation>
    </message>
    <message>
        <source>Application password</source>
        <translation>Contraseña de aplicación</translation>
    </message>
    <message>
        <source>The brand's own site: every comment is a mention</source>
        <translation>Sitio propio de la marca: cada comentario es una mención</translation>
    </message>
    <message>
        <source>Check and add</source>
        <translation>Comprobar y añadir</translation>
    </message>
    <message>
        <source>WordPress message</source>
        <translation>Mensaje de WordPress</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sitio</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Use an Application Password, never the account's own password: create one in WordPress under Users ▸ Profile ▸ Application Passwords. It is kept in the system keyring only.</source>
        <translation>Use una contraseña de aplicación, nunca la contraseña de la propia cuenta: créela en WordPress en Usuarios ▸ Perfil ▸ Contraseñas de aplicación. Solo se guarda en el llavero del sistema.</translation>
    </message>
    <message>
        <source>add the WordPress site</source>
        <translation>añadir el sitio WordPress</translation>
    </message>
    <message>
        <source>Checking %1 on %2…</source>
        <translation>Comprobando %1 en %2…</translation>
    </message>
</context>
<context>
    <name>WrappingTabs</name>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
</context>
<context>
    <name>XForm</name>
    <message>
        <source>API address</source>
        <translation>Dirección de la API</translation>
    </message>
    <message>
        <source>Advanced: paste a user access token instead</source>
        <translation>Avanzado: pegar en su lugar un token de acceso de usuario</translation>
    </message>
    <message>
        <source>Approved on another device? Paste the address its browser ended on:</source>
        <translation>¿Aprobaste en otro dispositivo? Pega la dirección en la que terminó su navegador:</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Dirección de retorno</translation>
    </message>
    <message>
        <source>Callback port</source>
        <translation>Puerto de retorno</translation>
    </message>
    <message>
        <source>Checking the approval with X…</source>
        <translation>Comprobando la aprobación con X…</translation>
    </message>
    <message>
        <source>Checking the token with X…</source>
        <translation>Comprobando el token con X…</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <source>Client ID of your X app</source>
        <translation>Client ID de tu app de X</translation>
    </message>
    <message>
        <source>Monthly read budget (posts)</source>
        <translation>Presupuesto mensual de lectura (publicaciones)</translation>
    </message>
    <message>
        <source>Read budget per month</source>
        <translation>Presupuesto de lectura al mes</translation>
    </message>
    <message>
        <source>Signed in as @%1.</source>
        <translation>Sesión iniciada como @%1.</translation>
    </message>
    <message>
        <source>X API address</source>
        <translation>Dirección de la API de X</translation>
    </message>
    <message>
        <source>X app Client ID</source>
        <translation>Client ID de la app de X</translation>
    </message>
    <message>
        <source>X sign-in message</source>
        <translation>Mensaje del inicio de sesión en X</translation>
    </message>
    <message>
        <source>X signs in through your team&apos;s own X app: create one in X&apos;s developer console (type Native App), copy its Client ID, and add the callback shown below. X bills every post Posventa reads; a monthly read budget stops the keyword search when spent, and mentions keep coming.</source>
        <translation>X inicia sesión a través de la propia app de X de tu equipo: crea una en la consola de desarrolladores de X (tipo Native App), copia su Client ID y añade la dirección de retorno que se muestra abajo. X cobra cada publicación que Posventa lee; un presupuesto mensual de lectura detiene la búsqueda por palabras cuando se gasta, y las menciones siguen llegando.</translation>
    </message>
    <message>
        <source>Your browser opened X&apos;s consent page. Approve Posventa there; this window continues by itself.</source>
        <translation>Tu navegador abrió la página de autorización de X. Aprueba Posventa allí; esta ventana continúa sola.</translation>
    </message>
    <message>
        <source>http://127.0.0.1:…/callback?state=…&amp;code=…</source>
        <translation>http://127.0.0.1:…/callback?state=…&amp;code=…</translation>
    </message>
    <message>
        <source>no budget</source>
        <translation>sin presupuesto</translation>
    </message>
    <message>
        <source>Waiting for X…</source>
        <translation>Esperando a X…</translation>
    </message>
    <message>
        <source>listen for the browser</source>
        <translation>esperar al navegador</translation>
    </message>
</context>
<context>
    <name>_Chart</name>
    <message>
        <source>Mentions per channel</source>
        <translation>Menciones por canal</translation>
    </message>
    <message>
        <source>Sentiment and complaint share</source>
        <translation>Sentimiento y proporción de quejas</translation>
    </message>
    <message>
        <source>complaint share %</source>
        <translation>% de quejas</translation>
    </message>
    <message>
        <source>complaints</source>
        <translation>quejas</translation>
    </message>
    <message>
        <source>Top complaint reasons</source>
        <translation>Principales motivos de queja</translation>
    </message>
    <message>
        <source>first response met</source>
        <translation>primera respuesta a tiempo</translation>
    </message>
    <message>
        <source>first response breached</source>
        <translation>primera respuesta fuera de plazo</translation>
    </message>
    <message>
        <source>resolution met</source>
        <translation>resolución a tiempo</translation>
    </message>
    <message>
        <source>resolution breached</source>
        <translation>resolución fuera de plazo</translation>
    </message>
</context>
<context>
    <name>_SearchList</name>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Nobody matches “%1”.</source>
        <translation>Nadie coincide con «%1».</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <source>Latest notice</source>
        <translation>Último aviso</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Bandeja de salida</translation>
    </message>
</context>
<context>
    <name>NewMentionsBar</name>
    <message>
        <source>New mentions waiting</source>
        <translation>Menciones nuevas en espera</translation>
    </message>
    <message>
        <source>New mentions arrived while you were working on one. Click or press Home in the list to show them.</source>
        <translation>Han llegado menciones nuevas mientras atendías una. Haz clic o pulsa Inicio en la lista para verlas.</translation>
    </message>
    <message numerus="yes">
        <source>↑ %n new mention(s)</source>
        <translation><numerusform>↑ %n mención nueva</numerusform><numerusform>↑ %n menciones nuevas</numerusform></translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Show new mentions and go to the first one</source>
        <translation>Mostrar las menciones nuevas e ir a la primera</translation>
    </message>
</context>
<context>
    <name>CaseText</name>
    <message>
        <source>closed without reply</source>
        <translation>cerrado sin respuesta</translation>
    </message>
</context>
<context>
    <name>ReportColumns</name>
    <message>
        <source>closed without reply</source>
        <translation>cerrados sin respuesta</translation>
    </message>
</context>
<context>
    <name>Cases</name>
    <message>
        <source>case {case} changed since it was closed; it was not reopened</source>
        <translation>el caso {case} ha cambiado desde que se cerró; no se ha reabierto</translation>
    </message>
</context>
<context>
    <name>CaseController</name>
    <message>
        <source>Case {0} closed.</source>
        <translation>Caso {0} cerrado.</translation>
    </message>
    <message>
        <source>Case {0} closed without a reply.</source>
        <translation>Caso {0} cerrado sin respuesta.</translation>
    </message>
    <message>
        <source>undo the close</source>
        <translation>deshacer el cierre</translation>
    </message>
</context>
<context>
    <name>UndoToast</name>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Take the close back (Ctrl+Z)</source>
        <translation>Deshacer el cierre (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>QuitGuard</name>
    <message numerus="yes">
        <source>%n queued</source>
        <translation><numerusform>%n en cola</numerusform><numerusform>%n en cola</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n being sent</source>
        <translation><numerusform>%n enviándose</numerusform><numerusform>%n enviándose</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n not sent (failed)</source>
        <translation><numerusform>%n sin enviar (falló)</numerusform><numerusform>%n sin enviar (fallaron)</numerusform></translation>
    </message>
    <message>
        <source>Replies not sent yet</source>
        <translation>Respuestas aún sin enviar</translation>
    </message>
    <message numerus="yes">
        <source>%n reply(ies) have not gone out yet: %1.</source>
        <translation><numerusform>%n respuesta aún no ha salido: %1.</numerusform><numerusform>%n respuestas aún no han salido: %1.</numerusform></translation>
    </message>
    <message>
        <source>Send later keeps them in the outbox: they go out the next time this workspace is open. Discard takes the queued ones back to drafts and drops the failed ones.</source>
        <translation>«Enviar más tarde» las deja en la bandeja de salida: saldrán la próxima vez que se abra este espacio de trabajo. «Descartar» devuelve las que están en cola a borradores y elimina las que fallaron.</translation>
    </message>
    <message>
        <source>Send later</source>
        <translation>Enviar más tarde</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>This demo workspace is open in another window, which holds its sign-ins: work there, or start a new demo.</source>
        <translation>Este espacio de trabajo de demostración está abierto en otra ventana, que guarda sus inicios de sesión: trabaja en ella o inicia una demostración nueva.</translation>
    </message>
    <message>
        <source>This workspace is also open in another Posventa window; both show the same mentions and cases.</source>
        <translation>Este espacio de trabajo también está abierto en otra ventana de Posventa; las dos muestran las mismas menciones y casos.</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>no token for {who}: a demo workspace's sign-ins are held by the window that started it</source>
        <translation>no hay token para {who}: los inicios de sesión de un espacio de demostración los guarda la ventana que lo inició</translation>
    </message>
</context>
<context>
    <name>FeedModel</name>
    <message>
        <source>P{0}</source>
        <translation>P{0}</translation>
    </message>
    <message>
        <source>Sentiment: none, the language was not analysed ({lang}).</source>
        <translation>Sentimiento: ninguno, no se ha analizado el idioma ({lang}).</translation>
    </message>
</context>
<context>
    <name>FeedCardDelegate</name>
    <message>
        <source>lookalike account</source>
        <translation>posible imitador</translation>
    </message>
</context>
<context>
    <name>FeedPane</name>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
</context>
<context>
    <name>FeedController</name>
    <message>
        <source>more than %1 results</source>
        <translation>más de %1 resultados</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation><numerusform>%n resultado</numerusform><numerusform>%n resultados</numerusform></translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>this workspace works in the team database {url}, which is backed up with PostgreSQL's own tools (pg_dump) on its server; for a local copy, run: posventa team export FILE</source>
        <translation>este espacio de trabajo usa la base de datos del equipo {url}, cuya copia de seguridad se hace en su servidor con las herramientas de PostgreSQL (pg_dump); para tener una copia local, ejecuta: posventa team export ARCHIVO</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <source>no system keyring is available to keep the team database's password; Posventa never writes it to a file, so it cannot connect without one</source>
        <translation>no hay un llavero del sistema donde guardar la contraseña de la base de datos del equipo; Posventa nunca la escribe en un archivo, así que no puede conectarse sin él</translation>
    </message>
    <message>
        <source>this workspace is not connected to a team database; first: posventa team connect postgresql://USER@HOST:PORT/DBNAME</source>
        <translation>este espacio de trabajo no está conectado a una base de datos del equipo; antes ejecuta: posventa team connect postgresql://USUARIO@SERVIDOR:PUERTO/BASE</translation>
    </message>
    <message>
        <source>this workspace has no local database to copy</source>
        <translation>este espacio de trabajo no tiene una base de datos local que copiar</translation>
    </message>
    <message>
        <source>the team database already holds this workspace's data (it was migrated before); nothing was copied</source>
        <translation>la base de datos del equipo ya contiene los datos de este espacio de trabajo (se migraron antes); no se ha copiado nada</translation>
    </message>
    <message>
        <source>the team database already holds another team's data; migrate into an empty database (nothing was copied)</source>
        <translation>la base de datos del equipo ya contiene datos de otro equipo; migra a una base de datos vacía (no se ha copiado nada)</translation>
    </message>
    <message>
        <source>{file} exists already; name a new file</source>
        <translation>{file} ya existe; indica un archivo nuevo</translation>
    </message>
    <message>
        <source>cannot write {file}: {problem}</source>
        <translation>no se puede escribir {file}: {problem}</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Team database</source>
        <translation>Base de datos del equipo</translation>
    </message>
    <message>
        <source>Team database address</source>
        <translation>Dirección de la base de datos del equipo</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in a file</source>
        <translation>Se guarda en el llavero del sistema, nunca en un archivo</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Conectar</translation>
    </message>
    <message>
        <source>&amp;Copy this workspace's data into it</source>
        <translation>Co&amp;piar en ella los datos de este espacio</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>Desco&amp;nectar</translation>
    </message>
    <message>
        <source>read the team database's state</source>
        <translation>leer el estado de la base de datos del equipo</translation>
    </message>
    <message>
        <source>This workspace works in the team database {url} (schema {schema}); other consoles connected now: {count}.</source>
        <translation>Este espacio de trabajo usa la base de datos del equipo {url} (esquema {schema}); otras consolas conectadas ahora: {count}.</translation>
    </message>
    <message>
        <source>This workspace works in its own database on this computer.</source>
        <translation>Este espacio de trabajo usa su propia base de datos en este ordenador.</translation>
    </message>
    <message>
        <source>Connected. Posventa opens the team database when you close this window.</source>
        <translation>Conectado. Al cerrar esta ventana, Posventa abrirá la base de datos del equipo.</translation>
    </message>
    <message>
        <source>connect to the team database</source>
        <translation>conectar con la base de datos del equipo</translation>
    </message>
    <message>
        <source>Copied {count} rows into the team database.</source>
        <translation>Se han copiado {count} filas en la base de datos del equipo.</translation>
    </message>
    <message>
        <source>copy the data into the team database</source>
        <translation>copiar los datos en la base de datos del equipo</translation>
    </message>
    <message>
        <source>Disconnected. Posventa opens this workspace's own database when you close this window.</source>
        <translation>Desconectado. Al cerrar esta ventana, Posventa abrirá la base de datos propia de este espacio.</translation>
    </message>
    <message>
        <source>disconnect</source>
        <translation>desconectar</translation>
    </message>
    <message>
        <source>The address your IT team gives for it</source>
        <translation>La dirección que te indique tu equipo de informática</translation>
    </message>
</context>
</TS>
