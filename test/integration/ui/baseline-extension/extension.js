// Does nothing: VS Code's activation time for it is the cost of activation itself on this machine.
exports.activate = () => {};
