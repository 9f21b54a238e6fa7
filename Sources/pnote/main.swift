import Foundation
import PnoteCLI

exit(PnoteCommand.main(Array(CommandLine.arguments.dropFirst()), console: .standard))
