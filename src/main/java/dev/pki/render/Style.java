package dev.pki.render;

import org.jline.jansi.Ansi;

/**
 * Colour or plain text. Colour only when asked for and allowed: not with {@code --no-color}, not
 * when {@code NO_COLOR} is set, not when standard output is not a terminal.
 */
public final class Style {

    private final boolean color;

    private Style(boolean color) {
        this.color = color;
    }

    public static Style plain() {
        return new Style(false);
    }

    public static Style colored() {
        return new Style(true);
    }

    /** The style for this process's standard output. */
    public static Style detect(boolean noColorFlag) {
        String noColor = System.getenv("NO_COLOR");
        boolean allowed = !noColorFlag && (noColor == null || noColor.isEmpty()) && Terminal.current().present();
        return new Style(allowed);
    }

    public boolean isColored() {
        return color;
    }

    public String green(String s) {
        return paint(s, Ansi.Color.GREEN);
    }

    public String red(String s) {
        return paint(s, Ansi.Color.RED);
    }

    public String yellow(String s) {
        return paint(s, Ansi.Color.YELLOW);
    }

    public String cyan(String s) {
        return paint(s, Ansi.Color.CYAN);
    }

    public String bold(String s) {
        return color ? Ansi.ansi().bold().a(s).reset().toString() : s;
    }

    public String dim(String s) {
        return color ? Ansi.ansi().a(Ansi.Attribute.INTENSITY_FAINT).a(s).reset().toString() : s;
    }

    private String paint(String s, Ansi.Color c) {
        return color ? Ansi.ansi().fg(c).a(s).reset().toString() : s;
    }
}
