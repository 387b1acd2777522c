import CNCursesW
import Glibc
import ReportUI

extension CursesTerminal {
    /// Waits for a key, mouse event or resize. Returns `.terminate` soon after SIGTERM, SIGHUP
    /// or SIGINT (each wait is bounded for that), and nil once the input has ended.
    public func nextEvent() -> InputEvent? {
        switch nextEvent(orWakeWhen: { false }) {
        case .event(let event): event
        case .woken, .ended: nil
        }
    }

    /// `isDue` is checked each time the input poll times out, every `inputPollMilliseconds`.
    public func nextEvent(orWakeWhen isDue: () -> Bool) -> TerminalWait {
        guard isOpen else { return .ended }
        if !pendingMouseEvents.isEmpty { return .event(.mouse(pendingMouseEvents.removeFirst())) }
        while true {
            if stopSignal != nil { return .event(.terminate) }
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            let raw: RawInput
            switch status {
            case OK: raw = .character(UInt32(value))
            case KEY_CODE_YES: raw = .keyCode(Int32(value))
            default:
                if stopSignal != nil { return .event(.terminate) }
                if handleJobControlSignals() { return .event(.resize(size)) }
                if inputHasEnded() { return .ended }
                if isDue() { return .woken }
                continue
            }
            readableButEmptyStreak = 0
            switch KeyDecoder.decode(raw) {
            case .key(let key): return .event(.key(key))
            case .resize:
                previousFrame = nil
                return .event(.resize(size))
            case .mouse:
                pendingMouseEvents = readMouseEvents()
                if !pendingMouseEvents.isEmpty { return .event(.mouse(pendingMouseEvents.removeFirst())) }
            case .ignored: continue
            }
        }
    }

    /// Several mouse reports read in one go (a fast wheel, a click) can sit behind a single
    /// KEY_MOUSE; getmouse hands them out newest first, so drain them all and restore the order.
    private func readMouseEvents() -> [MouseEvent] {
        var events: [MouseEvent] = []
        var event = MEVENT()
        while events.count < 64, getmouse(&event) == OK {
            if let decoded = MouseDecoder.event(buttons: event.bstate, x: Int(event.x), y: Int(event.y)) {
                events.append(decoded)
            }
        }
        return events.reversed()
    }

    /// wget_wch reports a timeout and end of input alike (ERR). End of input is told apart by
    /// the descriptor: hung up, or readable yet yielding nothing several times running.
    private func inputHasEnded() -> Bool {
        var descriptor = pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return false }
        if descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return true }
        guard descriptor.revents & Int16(POLLIN) != 0 else {
            readableButEmptyStreak = 0
            return false
        }
        readableButEmptyStreak += 1
        return readableButEmptyStreak >= 3
    }
}
