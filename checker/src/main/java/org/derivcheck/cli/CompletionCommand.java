package org.derivcheck.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code derivcheck completion bash|zsh}: prints picocli's completion script for every command and option. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Prints a shell completion script for derivcheck's commands, options and option values. "
                + "Load it in the current shell with: source <(derivcheck completion bash) (or zsh), "
                + "or save it where the shell reads completions at start.",
        footer = {"", "Examples:", "  source <(./derivcheck completion bash)",
                "  ./derivcheck completion zsh > ~/.zsh/completions/derivcheck.sh   # then source it from ~/.zshrc"})
public final class CompletionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "The shell: ${COMPLETION-CANDIDATES}.")
    Shell shell;

    /** The shells the script serves (picocli's script is bash's; zsh loads it through bashcompinit). */
    public enum Shell { bash, zsh }

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        String script = AutoComplete.bash(spec.root().name(), root);
        var out = spec.commandLine().getOut();
        if (shell == Shell.zsh) {
            out.println("# zsh: derivcheck's completion through zsh's bash compatibility (bashcompinit)");
            out.println("autoload -U +X compinit && compinit");
            out.println("autoload -U +X bashcompinit && bashcompinit");
        }
        out.print(script);
        out.flush();
        return 0;
    }
}
