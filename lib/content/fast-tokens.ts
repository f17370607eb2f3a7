/**
 * Cheaper token construction for markdown-it, with the same tokens.
 *
 * markdown-it 15's published build turns each class field of `Token` into a `_defineProperty(this,
 * key, value)` call (a helper that converts the key and tests `key in this` first), so every token
 * costs thirteen helper calls: ~0.27 s of CPU in a 10,000-release build, for ~1.4 s of markdown-it in
 * all. The block and inline parsers make their tokens in `push`/`pushPending` with the module's own
 * `Token`, so this replaces those three methods with ones that build the same object (same prototype,
 * same own keys in the same order, same values) by plain assignment.
 *
 * It replaces them only if they are, character for character, the ones it was written against and a
 * fresh `Token` has exactly the keys below; otherwise markdown-it is left as it is (slower, never
 * different). test/unit/fast-tokens.test.ts checks that it is installed and that every token of the
 * fixtures and a generated corpus is identical either way. The methods live on markdown-it's shared
 * state classes, so every instance in the process gets them (with identical results).
 */
import MarkdownIt, { type Token } from "markdown-it";

type Nesting = Token["nesting"];

/** The stock methods, whitespace removed, as markdown-it 15.0.3 ships them. */
const KNOWN_SOURCES = {
  blockPush:
    "push(type,tag,nesting){consttoken=newToken(type,tag,nesting);token.block=true;if(nesting<0)this.level--;token.level=this.level;if(nesting>0)this.level++;this.tokens.push(token);returntoken;}",
  inlinePushPending:
    'pushPending(){consttoken=newToken("text","",0);token.content=this.pending;token.level=this.pendingLevel;this.tokens.push(token);this.pending="";returntoken;}',
  inlinePush:
    "push(type,tag,nesting){if(this.pending)this.pushPending();consttoken=newToken(type,tag,nesting);lettoken_meta=void0;if(nesting<0){this.level--;this.delimiters=this._prev_delimiters.pop();}token.level=this.level;if(nesting>0){this.level++;this._prev_delimiters.push(this.delimiters);this.delimiters=[];token_meta={delimiters:this.delimiters};}this.pendingLevel=this.level;this.tokens.push(token);this.tokens_meta.push(token_meta);returntoken;}",
};

/** A fresh token's own keys, in order, as `Token`'s constructor makes them. */
const TOKEN_KEYS = ["map", "level", "children", "content", "markup", "info", "block", "hidden", "type", "tag", "attrs", "nesting", "meta"];

interface TokenMaker {
  new (type: string, tag: string, nesting: Nesting): Token;
}

// The parts of markdown-it's state classes used here (their published types don't expose all of them).
interface BlockState {
  tokens: Token[];
  level: number;
  push(type: string, tag: string, nesting: Nesting): Token;
}
interface InlineState extends BlockState {
  pending: string;
  pendingLevel: number;
  delimiters: unknown[];
  _prev_delimiters: unknown[][];
  tokens_meta: ({ delimiters: unknown[] } | undefined)[];
  pushPending(): Token;
}

const squeeze = (source: string) => source.replace(/\s+/g, "");

/** Builds tokens as `Token`'s constructor does, by plain assignment (a function: no class-field helpers). */
function fastTokenMaker(TokenClass: TokenMaker): TokenMaker {
  function FastToken(this: Record<string, unknown>, type: string, tag: string, nesting: Nesting) {
    this.map = null;
    this.level = 0;
    this.children = null;
    this.content = "";
    this.markup = "";
    this.info = "";
    this.block = false;
    this.hidden = false;
    this.type = type;
    this.tag = tag;
    this.attrs = null;
    this.nesting = nesting;
    this.meta = null;
  }
  FastToken.prototype = TokenClass.prototype;
  return FastToken as unknown as TokenMaker;
}

const sameToken = (a: object, b: object) =>
  Object.getPrototypeOf(a) === Object.getPrototypeOf(b) && JSON.stringify(Object.entries(a)) === JSON.stringify(Object.entries(b));

export interface FastTokens {
  /** Whether the methods were replaced (false: this markdown-it isn't the one the code was checked against). */
  installed: boolean;
  /** Puts markdown-it's own methods back (for tests comparing both). */
  restore(): void;
}

/** What is installed on a block state class, with how to undo it (installing twice is a no-op). */
const installedOn = new WeakMap<object, { fast: BlockState["push"]; result: FastTokens }>();

/** Installs the cheaper `push`/`pushPending` on markdown-it's block and inline state classes, if it can vouch for them. */
export function installFastTokens(md: InstanceType<typeof MarkdownIt> = new MarkdownIt()): FastTokens {
  const block = md.block.State.prototype as unknown as BlockState;
  const inline = md.inline.State.prototype as unknown as InlineState;
  const already = installedOn.get(block);
  if (already && block.push === already.fast) return already.result;
  const stock = { blockPush: block.push, inlinePushPending: inline.pushPending, inlinePush: inline.push };
  const restore = () => {
    block.push = stock.blockPush;
    inline.pushPending = stock.inlinePushPending;
    inline.push = stock.inlinePush;
    installedOn.delete(block);
  };
  const TokenClass = (new md.core.State("", md, {}) as unknown as { Token: TokenMaker }).Token;
  const FastToken = fastTokenMaker(TokenClass);
  const vouched =
    squeeze(String(stock.blockPush)) === KNOWN_SOURCES.blockPush &&
    squeeze(String(stock.inlinePushPending)) === KNOWN_SOURCES.inlinePushPending &&
    squeeze(String(stock.inlinePush)) === KNOWN_SOURCES.inlinePush &&
    JSON.stringify(Object.keys(new TokenClass("t", "p", 1))) === JSON.stringify(TOKEN_KEYS) &&
    sameToken(new TokenClass("t", "p", -1), new FastToken("t", "p", -1));
  if (!vouched) return { installed: false, restore };

  block.push = function (this: BlockState, type, tag, nesting) {
    const token = new FastToken(type, tag, nesting);
    token.block = true;
    if (nesting < 0) this.level--;
    token.level = this.level;
    if (nesting > 0) this.level++;
    this.tokens.push(token);
    return token;
  };
  inline.pushPending = function (this: InlineState) {
    const token = new FastToken("text", "", 0);
    token.content = this.pending;
    token.level = this.pendingLevel;
    this.tokens.push(token);
    this.pending = "";
    return token;
  };
  inline.push = function (this: InlineState, type, tag, nesting) {
    if (this.pending) this.pushPending();
    const token = new FastToken(type, tag, nesting);
    let meta: { delimiters: unknown[] } | undefined;
    if (nesting < 0) {
      this.level--;
      this.delimiters = this._prev_delimiters.pop()!;
    }
    token.level = this.level;
    if (nesting > 0) {
      this.level++;
      this._prev_delimiters.push(this.delimiters);
      this.delimiters = [];
      meta = { delimiters: this.delimiters };
    }
    this.pendingLevel = this.level;
    this.tokens.push(token);
    this.tokens_meta.push(meta);
    return token;
  };
  const result = { installed: true, restore };
  installedOn.set(block, { fast: block.push, result });
  return result;
}
