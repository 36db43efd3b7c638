package framework

// mountDocs mounts the interactive documentation. It is built in its own
// issue (docsui); until then there is nothing to mount.
func (a *App) mountDocs() {}
